import type { ServerWritableStream } from '@grpc/grpc-js';
import type { ServableEngine } from '@dealerflow/engine';
import type { InstanceResults } from '../jobs/InstanceResults';
import type { JobSignal } from '../jobs/JobSignal';
import type { InFlightBound } from './InFlightBound';

/** Tunables of the gateway, with the reference gateway's defaults. */
export interface GatewayLimits {
  /** How long an ActivateJobs call waits for jobs when its requestTimeout is 0 (ms). */
  longPollTimeout: number;
  /** How long CreateProcessInstanceWithResult waits when its requestTimeout is 0 (ms). */
  requestTimeout: number;
  /** Jobs activated per round for one job stream. */
  streamBatch: number;
  /** Commands in flight toward the engine before new ones answer RESOURCE_EXHAUSTED (job acknowledgements are exempt). */
  maxInFlight: number;
}

/** What every handler may use: the engine, job availability, instance outcomes, and the gateway's own facts. */
export interface GatewayContext {
  engine: ServableEngine;
  jobs: JobSignal;
  results: InstanceResults;
  limits: GatewayLimits;
  inFlight: InFlightBound;
  /** Aborted when the gateway closes: waits end early. */
  closing: AbortSignal;
  /** The address and version the gateway reports in its topology. */
  advertised: { host: string; port: number; version: string };
}

/** A request/response RPC: it answers one message or throws. */
export interface UnaryRpc<Req = never, Res = object> {
  kind: 'unary';
  handle(request: Req, ctx: GatewayContext): Promise<Res>;
}

/** A server-streaming RPC: it writes messages until done, the client leaves (`signal`), or the gateway closes. */
export interface StreamRpc<Req = never> {
  kind: 'stream';
  handle(call: ServerWritableStream<Req, object>, ctx: GatewayContext, signal: AbortSignal): Promise<void>;
}

/** Any RPC of the table. */
export type Rpc = UnaryRpc<never, object> | StreamRpc<never>;
