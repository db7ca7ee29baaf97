import 'reflect-metadata';
import { loadConfig } from './config';
import { startServer } from './server';

/** `npm start`: serve until SIGINT / SIGTERM. */
async function main(): Promise<void> {
  const running = await startServer(loadConfig());
  const stop = () => {
    running.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
