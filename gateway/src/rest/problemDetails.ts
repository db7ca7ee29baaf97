import { status as grpcStatus } from '@grpc/grpc-js';
import { EngineError } from '@dealerflow/engine';
import type { Middleware } from 'koa';
import { GatewayError } from '../rpc/GatewayError';
import { Problem } from './Problem';

const BY_ENGINE_CODE: Record<string, [number, string]> = {
  NOT_FOUND: [404, 'NOT_FOUND'],
  INVALID_ARGUMENT: [400, 'INVALID_ARGUMENT'],
  INVALID_MODEL: [400, 'INVALID_ARGUMENT'],
  INVALID_STATE: [409, 'INVALID_STATE'],
  ALREADY_EXISTS: [409, 'ALREADY_EXISTS'],
};

// the commands shared with the gRPC side word their rejections with a gRPC status
const BY_GRPC_STATUS: Partial<Record<grpcStatus, [number, string]>> = {
  [grpcStatus.NOT_FOUND]: [404, 'NOT_FOUND'],
  [grpcStatus.INVALID_ARGUMENT]: [400, 'INVALID_ARGUMENT'],
  [grpcStatus.FAILED_PRECONDITION]: [409, 'INVALID_STATE'],
  [grpcStatus.ALREADY_EXISTS]: [409, 'ALREADY_EXISTS'],
  [grpcStatus.DEADLINE_EXCEEDED]: [504, 'DEADLINE_EXCEEDED'],
  [grpcStatus.ABORTED]: [409, 'ABORTED'],
  [grpcStatus.RESOURCE_EXHAUSTED]: [503, 'RESOURCE_EXHAUSTED'],
  [grpcStatus.UNAVAILABLE]: [503, 'UNAVAILABLE'],
};

function classify(error: unknown): [number, string, string] {
  if (error instanceof Problem) return [error.status, error.title, error.message];
  if (error instanceof GatewayError) return [...(BY_GRPC_STATUS[error.code] ?? [500, 'INTERNAL']), error.message];
  if (error instanceof EngineError) {
    if (error.message === 'engine is closed') return [503, 'UNAVAILABLE', 'the engine is shutting down'];
    return [...(BY_ENGINE_CODE[error.code] ?? [500, 'INTERNAL']), error.message];
  }
  const status = (error as { status?: unknown }).status;
  // Koa's own refusals (a malformed JSON body, a too large one) carry a 4xx status
  if (typeof status === 'number' && status >= 400 && status < 500) return [status, 'INVALID_ARGUMENT', (error as Error).message];
  return [500, 'INTERNAL', `Unexpected error: ${error instanceof Error ? error.message : String(error)}`];
}

/** Renders every error, and every unmatched path, as a problem detail; nothing else answers errors. */
export const problemDetails: Middleware = async (ctx, next) => {
  try {
    await next();
    if (ctx.status === 404 && ctx.body === undefined) throw new Problem(404, 'NOT_FOUND', `No endpoint ${ctx.method} ${ctx.path}`);
  } catch (error) {
    const [status, title, detail] = classify(error);
    ctx.status = status;
    ctx.type = 'application/problem+json';
    ctx.body = { type: 'about:blank', title, status, detail, instance: ctx.path };
  }
};
