import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, startServer } from '@dealerflow/server';
import { ensureWebBuilt } from '../ensureWebBuilt';
import { startStandaloneEngine, type StandaloneEngine } from './startStandaloneEngine';

/** A real server with a fresh SQLite database (demo data loaded) serving the built web app. */
export interface WebServer {
  url: string;
  /** Stops the server (and its standalone engine) and deletes their databases. */
  close(): Promise<void>;
}

/** Where the server runs its processes: in its own process, or over the wire on a standalone engine it starts (ENGINE=zeebe). */
export type EngineMode = 'embedded' | 'zeebe';

/** What `startWebServer` takes: `startServer`'s options, `env` for its configuration and the engine mode (embedded unless said). */
export type WebServerOptions = Parameters<typeof startServer>[1] & { env?: Record<string, string>; engine?: EngineMode };

/** Builds web/dist when stale and starts the server on a free port; with `engine: 'zeebe'` first a standalone engine for it. */
export async function startWebServer(options?: WebServerOptions): Promise<WebServer> {
  const webRoot = ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'dealerflow-web-e2e-'));
  let engine: StandaloneEngine | undefined;
  try {
    if (options?.engine === 'zeebe') engine = await startStandaloneEngine(dataDir);
    const server = await startServer({ ...loadConfig({ ...engine?.env, ...options?.env }), port: 0, databaseUrl: 'sqlite:' + join(dataDir, 'e2e.sqlite'), webRoot, logLevel: 'silent' }, options);
    return {
      url: server.url,
      async close() {
        await server.close();
        await engine?.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await engine?.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
