export * from './port';
export * from './embedded';
