import { activateJobs } from './activateJobs';
import { broadcastSignal } from './broadcastSignal';
import { cancelProcessInstance } from './cancelProcessInstance';
import { createProcessInstance, createProcessInstanceWithResult } from './createProcessInstance';
import { deployResource } from './deployResource';
import { evaluateDecision } from './evaluateDecision';
import { backPressured } from './InFlightBound';
import { completeJob, failJob, throwError, updateJobRetries, updateJobTimeout } from './jobCommands';
import { modifyProcessInstance } from './modifyProcessInstance';
import { publishMessage } from './publishMessage';
import { resolveIncident } from './resolveIncident';
import type { Rpc } from './Rpc';
import { setVariables } from './setVariables';
import { streamActivatedJobs } from './streamActivatedJobs';
import { topology } from './topology';

/**
 * The RPCs this gateway serves, by the protocol's method name; every other method answers
 * UNIMPLEMENTED. Commands that add work are back-pressured (creation inside its handlers);
 * job acknowledgements, cancellation and activation drain work and are not.
 */
export const rpcTable: Record<string, Rpc> = {
  Topology: topology,
  DeployResource: backPressured(deployResource),
  CreateProcessInstance: createProcessInstance,
  CreateProcessInstanceWithResult: createProcessInstanceWithResult,
  CancelProcessInstance: cancelProcessInstance,
  ActivateJobs: activateJobs,
  StreamActivatedJobs: streamActivatedJobs,
  CompleteJob: completeJob,
  FailJob: failJob,
  ThrowError: throwError,
  UpdateJobRetries: backPressured(updateJobRetries),
  UpdateJobTimeout: backPressured(updateJobTimeout),
  ResolveIncident: backPressured(resolveIncident),
  PublishMessage: backPressured(publishMessage),
  SetVariables: backPressured(setVariables),
  EvaluateDecision: evaluateDecision,
  ModifyProcessInstance: backPressured(modifyProcessInstance),
  BroadcastSignal: backPressured(broadcastSignal),
};
