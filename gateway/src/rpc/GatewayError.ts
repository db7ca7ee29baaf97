import { status } from '@grpc/grpc-js';

/** An error answered to the client with a gRPC status and a message in the gateway's wording. */
export class GatewayError extends Error {
  constructor(readonly code: status, message: string) {
    super(message);
    this.name = 'GatewayError';
  }
}

/** A broker rejection of a command, worded as the reference gateway words it. */
export function rejection(intent: string, code: 'NOT_FOUND' | 'INVALID_ARGUMENT' | 'INVALID_STATE' | 'ALREADY_EXISTS', reason: string): GatewayError {
  const grpcCode = { NOT_FOUND: status.NOT_FOUND, INVALID_ARGUMENT: status.INVALID_ARGUMENT, INVALID_STATE: status.FAILED_PRECONDITION, ALREADY_EXISTS: status.ALREADY_EXISTS }[code];
  return new GatewayError(grpcCode, `Command '${intent}' rejected with code '${code}': ${reason}`);
}

/** A request that fails validation before it reaches the engine. */
export function invalidArgument(message: string): GatewayError {
  return new GatewayError(status.INVALID_ARGUMENT, message);
}
