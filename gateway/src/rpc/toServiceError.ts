import { status, type ServiceError } from '@grpc/grpc-js';
import { EngineError } from '@dealerflow/engine';
import { GatewayError } from './GatewayError';

const BY_ENGINE_CODE: Record<string, status> = {
  NOT_FOUND: status.NOT_FOUND,
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  INVALID_MODEL: status.INVALID_ARGUMENT,
  INVALID_STATE: status.FAILED_PRECONDITION,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
};

/** Turns anything a handler throws into the status the client receives; internals never leak a stack. */
export function toServiceError(error: unknown): Partial<ServiceError> {
  if (error instanceof GatewayError) return { code: error.code, details: error.message, message: error.message };
  if (error instanceof EngineError) {
    if (error.message === 'engine is closed') return { code: status.UNAVAILABLE, details: 'the engine is shutting down' };
    return { code: BY_ENGINE_CODE[error.code] ?? status.INTERNAL, details: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: status.INTERNAL, details: `Unexpected error: ${message}` };
}
