import 'reflect-metadata';
import { loadConfig, StartupError } from './config';
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
  // a setting that cannot work is said in its sentence; anything else with its stack
  console.error(error instanceof StartupError ? `Dealerflow cannot start: ${error.message}` : error);
  process.exit(1);
});
