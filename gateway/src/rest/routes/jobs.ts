import type { ActivatedJobResult, FormKey, JobActivationResult, ProcessDefinitionId, UserTaskKey, UserTaskProperties } from '@camunda8/orchestration-cluster-api';
import type { ActivateJobsRequest, Job, JobResult, ListenerUserTask, TaskCorrections } from '@dealerflow/engine';
import { pollJobs } from '../../jobs/pollJobs';
import { command } from '../../rpc/command';
import { keyedCommand } from '../keyedCommand';
import { badRequest } from '../Problem';
import { bodyOf, checkTenant, keyParam, optionalInteger, optionalString, requiredString, variablesOf } from '../requestValues';
import { asKey, DEFAULT_TENANT, deployedFormKey } from '../responseValues';
import type { RestRoute } from '../RestRoute';

/** An engine job as the API's activated job; its element instance key is the job key, as on the gRPC side. */
function toActivatedJob(job: Job): ActivatedJobResult {
  return {
    type: job.type, processDefinitionId: asKey<ProcessDefinitionId>(job.bpmnProcessId), processDefinitionVersion: job.processDefinitionVersion ?? 0, elementId: asKey(job.elementId),
    customHeaders: job.customHeaders ?? {}, worker: job.worker, retries: job.retries, deadline: job.deadline, variables: job.variables, tenantId: asKey(DEFAULT_TENANT),
    jobKey: asKey(job.key), processInstanceKey: asKey(job.processInstanceKey), processDefinitionKey: asKey(job.processDefinitionKey ?? '0'), elementInstanceKey: asKey(job.key),
    kind: job.kind ?? 'BPMN_ELEMENT', listenerEventType: job.listenerEventType ? (job.listenerEventType.toUpperCase() as ActivatedJobResult['listenerEventType']) : 'UNSPECIFIED',
    ...(job.userTask ? { userTask: userTaskProperties(job.userTask) } : {}),
  };
}

function userTaskProperties(u: ListenerUserTask): UserTaskProperties {
  const { userTaskKey, formKey: taskFormKey, ...rest } = u;
  // a custom form key is left out, as on the user task itself
  const formKey = deployedFormKey(taskFormKey);
  return { ...rest, userTaskKey: asKey<UserTaskKey>(userTaskKey), ...(formKey !== undefined ? { formKey: asKey<FormKey>(formKey) } : {}) };
}

/** The result of a task listener job's completion: a denial and its reason, corrections of the task. */
function jobResult(raw: unknown): JobResult | undefined {
  if (raw === undefined || raw === null) return undefined;
  const body = bodyOf(raw);
  if (body.type !== undefined && body.type !== 'userTask') throw badRequest(`Unsupported result type '${String(body.type)}': only 'userTask' results (task listener denials and corrections) are supported`);
  if (body.denied !== undefined && body.denied !== null && typeof body.denied !== 'boolean') throw badRequest('The value for result.denied must be a boolean');
  const out: JobResult = {};
  if (body.denied) out.denied = true;
  const reason = optionalString(body.deniedReason ?? undefined, 'result.deniedReason');
  if (reason) out.deniedReason = reason;
  if (body.corrections !== undefined && body.corrections !== null) out.corrections = bodyOf(body.corrections) as TaskCorrections;
  return out;
}

function activation(body: Record<string, unknown>): ActivateJobsRequest {
  const type = requiredString(body.type, 'type');
  const timeout = optionalInteger(body.timeout, 'timeout', 0);
  if (timeout < 1) throw badRequest(`The value for timeout is '${String(body.timeout)}' but must be greater than 0`);
  const max = optionalInteger(body.maxJobsToActivate, 'maxJobsToActivate', 0);
  if (max < 1) throw badRequest(`The value for maxJobsToActivate is '${String(body.maxJobsToActivate)}' but must be greater than 0`);
  if (body.tenantIds !== undefined) for (const t of body.tenantIds as unknown[]) checkTenant(t);
  const out: ActivateJobsRequest = { type, timeout, maxJobsToActivate: max, worker: optionalString(body.worker, 'worker') || 'default' };
  if (Array.isArray(body.fetchVariable) && body.fetchVariable.length > 0) out.fetchVariables = body.fetchVariable.map(String);
  return out;
}

const notFound = (action: string, key: string) => ({ NOT_FOUND: `Expected to ${action} job with key '${key}', but no such job was found` });

/** /v2/jobs: activation (long polling), the three acknowledgements of a job, and changes to its retries and timeout. */
export const jobRoutes: RestRoute[] = [
  {
    method: 'patch',
    path: '/jobs/:key',
    backPressured: true,
    async handle(ctx, { engine }) {
      const key = keyParam(ctx.params.key, 'jobKey');
      const changeset = bodyOf(bodyOf(ctx.request.body).changeset);
      if (changeset.retries === undefined && changeset.timeout === undefined) throw badRequest('No changeset.retries or changeset.timeout provided');
      const missing = { NOT_FOUND: `Expected to update job with key '${key}', but no such job was found`, INVALID_STATE: `Expected to update the timeout of job with key '${key}', but it is not activated` };
      if (changeset.retries !== undefined && changeset.retries !== null) {
        const retries = optionalInteger(changeset.retries, 'changeset.retries', 0);
        if (retries < 1) throw badRequest(`The value for changeset.retries is '${retries}' but must be greater than 0`);
        await command('UPDATE', missing, () => engine.updateJobRetries(key, retries));
      }
      if (changeset.timeout !== undefined && changeset.timeout !== null) {
        const timeout = optionalInteger(changeset.timeout, 'changeset.timeout', 0);
        if (timeout < 0) throw badRequest(`The value for changeset.timeout is '${timeout}' but must not be negative`);
        await command('UPDATE', missing, () => engine.updateJobTimeout(key, timeout));
      }
      ctx.status = 204;
    },
  },
  {
    method: 'post',
    path: '/jobs/activation',
    async handle(ctx, { engine, jobs, limits, closing }) {
      const body = bodyOf(ctx.request.body);
      const request = activation(body);
      const requested = optionalInteger(body.requestTimeout, 'requestTimeout', 0);
      const left = new AbortController();
      // the request stream has closed once its body was read; the response closing early means the client left
      ctx.res.once('close', () => left.abort());
      const wait = requested < 0 ? 0 : requested === 0 ? limits.longPollTimeout : requested;
      const activated = await pollJobs(engine, jobs, request, wait, AbortSignal.any([closing, left.signal]));
      const result: JobActivationResult = { jobs: activated.map(toActivatedJob) };
      ctx.body = result;
    },
  },
  keyedCommand({
    method: 'post', path: '/jobs/:key/completion', keyName: 'jobKey', intent: 'COMPLETE', reasons: (key) => notFound('complete', key),
    run(engine, key, body) {
      return engine.completeJob(key, variablesOf(body.variables), jobResult(body.result));
    },
  }),
  keyedCommand({
    method: 'post', path: '/jobs/:key/failure', keyName: 'jobKey', intent: 'FAIL', reasons: (key) => notFound('fail', key),
    run(engine, key, body) {
      return engine.failJob(key, {
        retries: Math.max(0, optionalInteger(body.retries, 'retries', 0)),
        retryBackOff: Math.max(0, optionalInteger(body.retryBackOff, 'retryBackOff', 0)),
        variables: variablesOf(body.variables),
        ...(typeof body.errorMessage === 'string' ? { errorMessage: body.errorMessage } : {}),
      });
    },
  }),
  keyedCommand({
    method: 'post', path: '/jobs/:key/error', keyName: 'jobKey', intent: 'THROW_ERROR',
    reasons: (key) => ({ NOT_FOUND: `Expected to throw an error for job with key '${key}', but no such job was found` }),
    run(engine, key, body) {
      const errorCode = requiredString(body.errorCode, 'errorCode');
      const variables = variablesOf(body.variables);
      const errorMessage = optionalString(body.errorMessage, 'errorMessage');
      return engine.throwJobError(key, { errorCode, variables, ...(errorMessage !== undefined ? { errorMessage } : {}) });
    },
  }),
];
