import { status } from '@grpc/grpc-js';
import { GatewayError } from './GatewayError';
import type { UnaryRpc } from './Rpc';

/**
 * Back-pressure: a bound on the commands in flight toward the engine. Over it a command is
 * refused with RESOURCE_EXHAUSTED before it reaches the engine, so it changed nothing and
 * the official clients retry it. One bound serves an engine's gRPC and REST servers alike.
 */
export class InFlightBound {
  private current = 0;

  constructor(readonly max: number) {}

  /** Runs work if under the bound, else refuses it; `via` names the protocol in the refusal. */
  async run<T>(work: () => Promise<T>, via: 'gRPC' | 'REST API' = 'gRPC'): Promise<T> {
    if (this.current >= this.max) {
      throw new GatewayError(status.RESOURCE_EXHAUSTED, `Expected to handle ${via} request, but the engine has ${this.current} commands in flight (the bound is ${this.max}); retry with back-off`);
    }
    this.current++;
    try {
      return await work();
    } finally {
      this.current--;
    }
  }
}

/** A unary RPC admitted only under the gateway's in-flight bound. */
export function backPressured<Req>(rpc: UnaryRpc<Req>): UnaryRpc<Req> {
  return { kind: 'unary', handle: (request, ctx) => ctx.inFlight.run(() => rpc.handle(request, ctx)) };
}
