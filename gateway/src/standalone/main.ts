import 'reflect-metadata';
import { configFromEnv, startStandaloneEngine } from './startStandaloneEngine';

/** Runs the engine alone with its gateway until SIGTERM or SIGINT. */
async function main(): Promise<void> {
  const config = configFromEnv(process.env);
  const running = await startStandaloneEngine(config);
  console.log(`engine: gRPC gateway on ${config.grpc.host}:${running.grpcPort}, REST API on ${config.rest?.host}:${running.restPort}, state in ${config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@')}`);
  const stop = (signal: string) => {
    console.log(`engine: ${signal}, shutting down`);
    running.close().then(() => process.exit(0), (error) => {
      console.error('engine: shutdown failed', error);
      process.exit(1);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error) => {
  console.error('engine: failed to start', error);
  process.exit(1);
});
