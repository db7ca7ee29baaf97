export { createApp, type AppOptions } from './app';
export { loadConfig, type Config } from './config';
export { dataSourceOptions, openDatabase } from './db/createDataSource';
export { SerializedDataSource } from './db/SerializedDataSource';
export { entities } from './entities';
export { migrations } from './db/migrations';
export { startServer, type RunningServer } from './server';
export { createServices, type Services } from './services';
