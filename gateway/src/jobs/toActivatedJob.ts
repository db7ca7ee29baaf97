import type { Job } from '@dealerflow/engine';
import { DEFAULT_TENANT } from '../rpc/values';

/**
 * A job as the protocol's ActivatedJob. Its elementInstanceKey is the job key: the engine
 * accepts that key as the task's scope in SetVariables.
 */
export function toActivatedJob(job: Job) {
  return {
    key: job.key,
    type: job.type,
    processInstanceKey: job.processInstanceKey,
    bpmnProcessId: job.bpmnProcessId,
    processDefinitionVersion: job.processDefinitionVersion ?? 0,
    processDefinitionKey: job.processDefinitionKey ?? '0',
    elementId: job.elementId,
    elementInstanceKey: job.key,
    customHeaders: JSON.stringify(job.customHeaders ?? {}),
    worker: job.worker,
    retries: job.retries,
    deadline: String(job.deadline),
    variables: JSON.stringify(job.variables),
    tenantId: DEFAULT_TENANT,
    // protocol versions with task listeners read these; older ones drop them
    kind: job.kind ?? 'BPMN_ELEMENT',
    listenerEventType: job.listenerEventType ? job.listenerEventType.toUpperCase() : 'UNSPECIFIED',
    ...(job.userTask ? { userTask: job.userTask } : {}),
  };
}
