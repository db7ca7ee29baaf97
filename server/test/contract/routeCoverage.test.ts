import { apiRoutes, routeKey } from '@dealerflow/contract';
import type Koa from 'koa';
import pino from 'pino';
import { createApp } from '../../src/app';
import { testDatabases } from '../support/testDatabases';
import { registeredRoutes } from '../support/registeredRoutes';
import { startTestServer, type TestServer } from '../support/testServer';

describe('the API contract', () => {
  let server: TestServer;
  let app: Koa;
  beforeAll(async () => {
    server = await startTestServer(testDatabases()[0][1]());
    app = createApp(server.running.services, { logger: pino({ level: 'silent' }), sessionSecret: 'contract', engine: { name: 'embedded', check: async () => 'up' } });
  });
  afterAll(() => server.stop());

  it('describes every registered route', () => {
    const described = new Set(apiRoutes.map(routeKey));
    expect(registeredRoutes(app).filter((route) => !described.has(route))).toEqual([]);
  });

  it('describes only routes the app registers, each once', () => {
    const registered = new Set(registeredRoutes(app));
    const keys = apiRoutes.map(routeKey);
    expect(keys.filter((key) => !registered.has(key))).toEqual([]);
    expect(keys.filter((key, i) => keys.indexOf(key) !== i)).toEqual([]);
  });
});
