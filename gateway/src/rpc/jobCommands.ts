import type { JobResult, TaskCorrections } from '@dealerflow/engine';
import { command } from './command';
import { invalidArgument } from './GatewayError';
import type { UnaryRpc } from './Rpc';
import { parseKey, parseLong, parseVariables } from './values';

/** A job result as protocol versions with task listeners send it (lists wrapped in `values`). */
interface GrpcJobResult {
  denied?: boolean | null;
  deniedReason?: string | null;
  corrections?: Record<string, unknown> | null;
}

function jobResultOf(raw: GrpcJobResult | null | undefined): JobResult | undefined {
  if (!raw) return undefined;
  const out: JobResult = {};
  if (raw.denied) out.denied = true;
  if (raw.deniedReason) out.deniedReason = raw.deniedReason;
  if (raw.corrections) {
    const corrections: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(raw.corrections)) {
      if (value === null || value === undefined) continue;
      corrections[name] = typeof value === 'object' && !Array.isArray(value) && 'values' in value ? (value as { values: unknown }).values : value;
    }
    out.corrections = corrections as TaskCorrections;
  }
  return out;
}

const notFound = (action: string, key: string) => ({ NOT_FOUND: `Expected to ${action} job with key '${key}', but no such job was found` });

/** Completes an activated job, merging its variables into the instance. */
export const completeJob: UnaryRpc<{ jobKey: string; variables: string; result?: GrpcJobResult | null }> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.jobKey, 'jobKey');
    const variables = parseVariables(request.variables);
    const result = jobResultOf(request.result);
    await command('COMPLETE', notFound('complete', key), () => engine.completeJob(key, variables, result));
    return {};
  },
};

/** Fails a job: offered again after retryBackOff while retries are left, an incident otherwise. */
export const failJob: UnaryRpc<{ jobKey: string; retries: number; errorMessage: string; retryBackOff: string; variables: string }> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.jobKey, 'jobKey');
    const variables = parseVariables(request.variables);
    const options = { retries: Math.max(0, request.retries), errorMessage: request.errorMessage, retryBackOff: Math.max(0, parseLong(request.retryBackOff)), variables };
    await command('FAIL', notFound('fail', key), () => engine.failJob(key, options));
    return {};
  },
};

/** Throws a BPMN error from a job: a matching catch event takes it, else an incident. */
export const throwError: UnaryRpc<{ jobKey: string; errorCode: string; errorMessage: string; variables: string }> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.jobKey, 'jobKey');
    if (!request.errorCode) throw invalidArgument("Expected argument 'errorCode' to be non-empty, but was empty");
    const variables = parseVariables(request.variables);
    await command('THROW_ERROR', { NOT_FOUND: `Expected to throw an error for job with key '${key}', but no such job was found` },
      () => engine.throwJobError(key, { errorCode: request.errorCode, errorMessage: request.errorMessage, variables }));
    return {};
  },
};

/** Sets a job's retries; a job in an incident needs retries before its incident is resolved. */
export const updateJobRetries: UnaryRpc<{ jobKey: string; retries: number }> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.jobKey, 'jobKey');
    if (request.retries < 1) throw invalidArgument(`Expected retries to be greater than zero, but it was ${request.retries}`);
    await command('UPDATE_RETRIES', { NOT_FOUND: `Expected to update retries for job with key '${key}', but no such job was found` }, () => engine.updateJobRetries(key, request.retries));
    return {};
  },
};

/** Moves an activated job's deadline to `timeout` ms from now. */
export const updateJobTimeout: UnaryRpc<{ jobKey: string; timeout: string }> = {
  kind: 'unary',
  async handle(request, { engine }) {
    const key = parseKey(request.jobKey, 'jobKey');
    const timeout = parseLong(request.timeout);
    if (timeout < 0) throw invalidArgument(`Expected timeout to be non-negative, but it was ${timeout}`);
    await command('UPDATE_TIMEOUT', {
      NOT_FOUND: `Expected to update the timeout of job with key '${key}', but no such job was found`,
      INVALID_STATE: `Expected to update the timeout of job with key '${key}', but it is not activated`,
    }, () => engine.updateJobTimeout(key, timeout));
    return {};
  },
};
