import * as grpc from '@grpc/grpc-js';
import type { ServableEngine } from '@dealerflow/engine';
import { InFlightBound } from './rpc/InFlightBound';
import { InstanceResults } from './jobs/InstanceResults';
import { JobSignal } from './jobs/JobSignal';
import { loadGatewayService } from './protocol/loadGatewayService';
import type { GatewayContext, GatewayLimits, Rpc } from './rpc/Rpc';
import { rpcTable } from './rpc/rpcTable';
import { toServiceError } from './rpc/toServiceError';

/** The protocol version the gateway reports; the official clients accept 8.8 and later. */
export const GATEWAY_VERSION = '8.8.0';

/** Where and how the gateway listens. */
export interface GatewayServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 26500; 0 picks a free port. */
  port?: number;
  limits?: Partial<GatewayLimits>;
  /** The engine's in-flight bound when shared with a REST server; otherwise one of limits.maxInFlight. */
  inFlight?: InFlightBound;
}

type Handler = grpc.handleUnaryCall<unknown, object> | grpc.handleServerStreamingCall<unknown, object>;

/** A gRPC server, compatible with the Zeebe gateway protocol, over an engine. */
export class GatewayServer {
  private readonly server = new grpc.Server();
  private readonly closing = new AbortController();
  private readonly ctx: GatewayContext;
  private boundPort = 0;

  constructor(engine: ServableEngine, private readonly options: GatewayServerOptions = {}) {
    const limits = { longPollTimeout: 10_000, requestTimeout: 15_000, streamBatch: 32, maxInFlight: 1000, ...options.limits };
    this.ctx = {
      engine,
      jobs: new JobSignal(engine),
      results: new InstanceResults(engine),
      limits,
      inFlight: options.inFlight ?? new InFlightBound(limits.maxInFlight),
      closing: this.closing.signal,
      advertised: { host: options.host ?? '127.0.0.1', port: options.port ?? 26500, version: GATEWAY_VERSION },
    };
    const service = loadGatewayService();
    const handlers: Record<string, Handler> = {};
    for (const method of service.methods) {
      const rpc = rpcTable[method];
      const def = service.definition[method];
      handlers[method] = rpc ? this.bind(rpc) : unimplemented(method, def.responseStream);
    }
    this.server.addService(service.definition, handlers);
  }

  private bind(rpc: Rpc): Handler {
    if (rpc.kind === 'unary') {
      return (call: grpc.ServerUnaryCall<unknown, object>, callback: grpc.sendUnaryData<object>) => {
        rpc.handle(call.request as never, this.ctx).then((response) => {
          // in the same turn as the answer, so headers and message leave together as they would without it
          call.sendMetadata(identityOnly());
          callback(null, response);
        }, (error) => callback(toServiceError(error)));
      };
    }
    return (call: grpc.ServerWritableStream<unknown, object>) => {
      const left = new AbortController();
      const leave = () => left.abort();
      call.on('cancelled', leave);
      call.on('close', leave);
      this.closing.signal.addEventListener('abort', leave);
      rpc.handle(call as never, this.ctx, left.signal).then(
        () => call.end(),
        (error) => call.emit('error', toServiceError(error)),
      ).finally(() => this.closing.signal.removeEventListener('abort', leave));
    };
  }

  /** Starts listening; answers the bound port. */
  async listen(): Promise<number> {
    const host = this.options.host ?? '127.0.0.1';
    this.boundPort = await new Promise<number>((resolve, reject) => {
      this.server.bindAsync(`${host}:${this.options.port ?? 26500}`, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port)));
    });
    this.ctx.advertised.port = this.boundPort;
    return this.boundPort;
  }

  /** The port the server listens on (0 before listen). */
  get port(): number {
    return this.boundPort;
  }

  /** Ends long polls and job streams, then stops the server; calls still running after `graceMs` are cut. */
  async close(graceMs = 2000): Promise<void> {
    this.closing.abort();
    this.ctx.jobs.close();
    this.ctx.results.close();
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => {
        this.server.forceShutdown();
        resolve();
      }, graceMs);
      this.server.tryShutdown(() => {
        clearTimeout(force);
        resolve();
      });
    });
  }
}

/**
 * Answer headers that ask the client to send its next messages uncompressed: the official SDK
 * gzips every request by default (the channel remembers the answer), which cost a fifth of its
 * CPU and a tenth of the engine's in bench/gateway. They go out with a successful answer, never
 * ahead of it: sent when a call started, they raised the latency of every call several times.
 */
function identityOnly(): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set('grpc-accept-encoding', 'identity');
  return metadata;
}

function unimplemented(method: string, streaming: boolean): Handler {
  const error = { code: grpc.status.UNIMPLEMENTED, details: `${method} is not implemented by this gateway yet` };
  if (streaming) return (call: grpc.ServerWritableStream<unknown, object>) => void call.emit('error', error);
  return (_call: grpc.ServerUnaryCall<unknown, object>, callback: grpc.sendUnaryData<object>) => callback(error);
}
