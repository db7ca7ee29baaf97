import type { ActivateJobsRequest } from '@dealerflow/engine';
import { invalidArgument } from '../rpc/GatewayError';
import { checkTenant, parseLong } from '../rpc/values';

/** The fields ActivateJobs and StreamActivatedJobs share. */
export interface ActivationFields {
  type: string;
  worker: string;
  timeout: string;
  fetchVariable: string[];
  tenantIds: string[];
}

/** Validates the shared activation fields and turns them into an engine request. */
export function activationRequest(rpc: string, request: ActivationFields, maxJobsToActivate: number): ActivateJobsRequest {
  checkTenant(rpc, request.tenantIds);
  if (!request.type) throw invalidArgument("Expected argument 'type' to be non-empty, but was empty");
  const timeout = parseLong(request.timeout);
  if (timeout < 1) throw invalidArgument(`Expected argument 'timeout' to be greater than zero, but was ${timeout}`);
  const out: ActivateJobsRequest = { type: request.type, maxJobsToActivate, timeout, worker: request.worker || 'default' };
  if (request.fetchVariable.length > 0) out.fetchVariables = request.fetchVariable;
  return out;
}
