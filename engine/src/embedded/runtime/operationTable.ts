import { evaluateCalledDecision } from './decisions';
import { errorEventStart, fireEventSubprocess, openEventSubprocesses, startEventSubprocess } from './eventSubprocesses';
import { activateElement, completeElement, finishElement, scopeMaybeDone } from './Executor';
import { correlateBuffered } from './messages';
import { activateMultiInstanceBody, completeMultiInstanceInner } from './multiInstance';
import type { Operations } from './Operations';
import { throwSignal } from './signals';
import { startInstance } from './startInstance';
import { terminateElement, terminateScope, throwError } from './terminate';
import { triggerWait } from './triggers';
import { cancelTask, finishCreate } from './userTaskTransitions';
import {
  closeWaits, createJob, createUserTask, openBoundaries, openEventGateway, openEventSubprocessStart, openMessageCatch, openSignalCatch, openTimerCatch, startCalledInstance,
} from './waits';

/** The one place that imports every operation of the runtime; steps reach them through `step.ops`. */
export const operationTable: Operations = {
  activateElement, completeElement, finishElement, scopeMaybeDone, activateMultiInstanceBody, completeMultiInstanceInner,
  createJob, createUserTask, finishCreate, cancelTask, evaluateCalledDecision,
  openBoundaries, openEventGateway, openMessageCatch, openSignalCatch, openTimerCatch, openEventSubprocessStart, closeWaits,
  correlateBuffered, triggerWait, throwSignal, throwError, terminateElement, terminateScope,
  startInstance, startCalledInstance, openEventSubprocesses, errorEventStart, startEventSubprocess, fireEventSubprocess,
};
