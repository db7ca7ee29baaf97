import { activationRequest, type ActivationFields } from '../jobs/activationRequest';
import { pollJobs } from '../jobs/pollJobs';
import { toActivatedJob } from '../jobs/toActivatedJob';
import { invalidArgument } from './GatewayError';
import type { StreamRpc } from './Rpc';
import { parseLong } from './values';

interface ActivateJobsRequest extends ActivationFields {
  maxJobsToActivate: number;
  requestTimeout: string;
}

/**
 * Activates up to maxJobsToActivate jobs of a type. With none available it long-polls: it
 * waits for jobs of the type until requestTimeout (0: the gateway's default; negative: no
 * wait), then answers what it got, possibly nothing.
 */
export const activateJobs: StreamRpc<ActivateJobsRequest> = {
  kind: 'stream',
  async handle(call, { engine, jobs, limits }, signal) {
    const request = call.request;
    if (request.maxJobsToActivate < 1) throw invalidArgument(`Expected argument 'maxJobsToActivate' to be greater than zero, but was ${request.maxJobsToActivate}`);
    const activation = activationRequest('ActivateJobs', request, request.maxJobsToActivate);
    const requested = parseLong(request.requestTimeout);
    const wait = requested < 0 ? 0 : requested === 0 ? limits.longPollTimeout : requested;
    const activated = await pollJobs(engine, jobs, activation, wait, signal);
    if (activated.length > 0) call.write({ jobs: activated.map(toActivatedJob) });
  },
};
