import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { loadConfig } from '../../src/config';
import { startServer, type RunningServer } from '../../src/server';
import type { TestDatabase } from './testDatabases';

/** A server on a fresh database with the demo data, and helpers to call it as a user. */
export interface TestServer {
  running: RunningServer;
  /** An agent with no session. */
  anonymous(): TestAgent;
  /** An agent signed in as `username` (password `demo`). */
  as(username: string): Promise<TestAgent>;
  stop(): Promise<void>;
}

/** Starts a server on `database` with demo data; `env` overrides configuration. */
export async function startTestServer(database: TestDatabase, env: Record<string, string> = {}, throttle?: { perAccount: number; perAddress: number; windowSeconds: number }): Promise<TestServer> {
  const databaseUrl = await database.create();
  const config = { ...loadConfig({ ...env }), databaseUrl, port: 0, webRoot: env.WEB_ROOT ?? '/nonexistent', attachmentsDir: mkdtempSync(join(tmpdir(), 'dealerflow-files-')) };
  const running = await startServer(config, { logger: pino({ level: 'silent' }), loginThrottle: throttle });
  const agents = new Map<string, TestAgent>();
  return {
    running,
    anonymous: () => request.agent(running.url),
    async as(username) {
      const cached = agents.get(username);
      if (cached) return cached;
      const agent = request.agent(running.url);
      const response = await agent.post('/api/auth/login').send({ username, password: 'demo' });
      if (response.status !== 200) throw new Error(`login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
      agents.set(username, agent);
      return agent;
    },
    async stop() {
      await running.close();
      await database.drop();
    },
  };
}
