import type { ServableEngine } from '@dealerflow/engine';
import type { RouterContext } from '@koa/router';
import type { InstanceResults } from '../jobs/InstanceResults';
import type { JobSignal } from '../jobs/JobSignal';
import type { InFlightBound } from '../rpc/InFlightBound';

/** What every REST handler may use: the engine, job availability, instance outcomes, and the gateway's own facts. */
export interface RestContext {
  engine: ServableEngine;
  jobs: JobSignal;
  results: InstanceResults;
  /** The engine's in-flight bound: over it, commands that add work answer 503 RESOURCE_EXHAUSTED. */
  inFlight: InFlightBound;
  /** Aborted when the server closes: long polls and awaited results end early. */
  closing: AbortSignal;
  /** Default waits (ms): a job activation without requestTimeout, an awaited creation without requestTimeout. */
  limits: { longPollTimeout: number; requestTimeout: number };
  /** The address and version reported in the topology. */
  advertised: { host: string; port: number; version: string };
}

/** One endpoint: a method, a path in the router's syntax under /v2, and a handler that sets the answer or throws. */
export interface RestRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** A command that adds work: admitted only under the engine's in-flight bound (a route may instead bound the part that does). */
  backPressured?: boolean;
  handle(ctx: RouterContext, rest: RestContext): Promise<void>;
}
