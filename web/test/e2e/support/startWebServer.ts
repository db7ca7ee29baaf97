import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '@dealerflow/server';
import { ensureWebBuilt } from '../ensureWebBuilt';

/** A real server with a fresh SQLite database (demo data loaded) serving the built web app. */
export interface WebServer {
  url: string;
  /** Stops the server and deletes its database. */
  close(): Promise<void>;
}

/** Builds web/dist when stale and starts the server on a free port; `options` go to `startServer`, their `env` to its configuration. */
export async function startWebServer(options?: Parameters<typeof startServer>[1] & { env?: Record<string, string> }): Promise<WebServer> {
  const webRoot = ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'dealerflow-web-e2e-'));
  const server = await startServer({ ...loadConfig({ ...options?.env }), port: 0, databaseUrl: 'sqlite:' + join(dataDir, 'e2e.sqlite'), webRoot, logLevel: 'silent' }, options);
  return {
    url: server.url,
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
