import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import type { ServableEngine } from '@dealerflow/engine';
import Koa from 'koa';
import { InstanceResults } from '../jobs/InstanceResults';
import { JobSignal } from '../jobs/JobSignal';
import { InFlightBound } from '../rpc/InFlightBound';
import { problemDetails } from './problemDetails';
import { routeTable } from './routeTable';
import type { RestContext } from './RestRoute';

/** Where and how the REST server listens. */
export interface RestServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 picks a free port. */
  port?: number;
  /** The version reported in the topology. */
  version: string;
  /** Default waits (ms) of job activation and of an awaited creation. */
  limits?: Partial<RestContext['limits']>;
  /** The engine's in-flight bound, shared with the gRPC server; otherwise one of 1000 commands. */
  inFlight?: InFlightBound;
}

/** An HTTP server, compatible with the Camunda 8 REST API (v2), over an engine. */
export class RestServer {
  private readonly closing = new AbortController();
  private readonly ctx: RestContext;
  private readonly server: Server;

  constructor(engine: ServableEngine, private readonly options: RestServerOptions) {
    this.ctx = {
      engine,
      jobs: new JobSignal(engine),
      results: new InstanceResults(engine),
      inFlight: options.inFlight ?? new InFlightBound(1000),
      closing: this.closing.signal,
      limits: { longPollTimeout: 10_000, requestTimeout: 15_000, ...options.limits },
      advertised: { host: options.host ?? '127.0.0.1', port: options.port ?? 8080, version: options.version },
    };
    const router = new Router({ prefix: '/v2' });
    for (const route of routeTable.flat()) {
      router[route.method](route.path, (koaCtx) => (route.backPressured ? this.ctx.inFlight.run(() => route.handle(koaCtx, this.ctx), 'REST API') : route.handle(koaCtx, this.ctx)));
    }
    const app = new Koa();
    app.silent = true; // problemDetails answers every error; nothing is printed per request
    app.use(problemDetails);
    app.use(bodyParser({ enableTypes: ['json'], jsonLimit: '10mb', encoding: 'utf-8' }));
    app.use(router.routes());
    this.server = createServer(app.callback());
  }

  /** Starts listening; answers the bound port. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port ?? 8080, this.options.host ?? '127.0.0.1', () => resolve());
    });
    this.ctx.advertised.port = this.port;
    return this.port;
  }

  /** The port the server listens on (0 before listen). */
  get port(): number {
    return (this.server.address() as AddressInfo | null)?.port ?? 0;
  }

  /** Ends long polls and awaited results, stops accepting connections and closes idle ones. */
  async close(): Promise<void> {
    this.closing.abort();
    this.ctx.jobs.close();
    this.ctx.results.close();
    if (!this.server.listening) return;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeIdleConnections();
    // requests in flight have been told to end; sockets still open after a moment are cut
    const force = setTimeout(() => this.server.closeAllConnections(), 2000);
    await closed;
    clearTimeout(force);
  }
}
