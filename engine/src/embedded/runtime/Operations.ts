import type { evaluateCalledDecision } from './decisions';
import type { errorEventStart, fireEventSubprocess, openEventSubprocesses, startEventSubprocess } from './eventSubprocesses';
import type { activateElement, completeElement, finishElement, scopeMaybeDone } from './Executor';
import type { correlateBuffered } from './messages';
import type { activateMultiInstanceBody, completeMultiInstanceInner } from './multiInstance';
import type { throwSignal } from './signals';
import type { startInstance } from './startInstance';
import type { terminateElement, terminateScope, throwError } from './terminate';
import type { triggerWait } from './triggers';
import type { cancelTask, finishCreate } from './userTaskTransitions';
import type {
  closeWaits, createJob, createUserTask, openBoundaries, openEventGateway, openEventSubprocessStart, openMessageCatch, openSignalCatch, openTimerCatch, startCalledInstance,
} from './waits';

/**
 * The runtime's operations that lead into one another: an element completes, the next one is
 * activated, its boundary event fires, which terminates the element, which ends its scope...
 * The modules that define them reach each other's only through `step.ops`, never by import, so
 * no module of the runtime imports another in a cycle. `operationTable.ts` alone imports them all
 * and the engine hands the table to every step, as diagram-js's injector wires its modules.
 */
export interface Operations {
  activateElement: typeof activateElement;
  completeElement: typeof completeElement;
  finishElement: typeof finishElement;
  scopeMaybeDone: typeof scopeMaybeDone;
  activateMultiInstanceBody: typeof activateMultiInstanceBody;
  completeMultiInstanceInner: typeof completeMultiInstanceInner;
  createJob: typeof createJob;
  createUserTask: typeof createUserTask;
  finishCreate: typeof finishCreate;
  cancelTask: typeof cancelTask;
  evaluateCalledDecision: typeof evaluateCalledDecision;
  openBoundaries: typeof openBoundaries;
  openEventGateway: typeof openEventGateway;
  openMessageCatch: typeof openMessageCatch;
  openSignalCatch: typeof openSignalCatch;
  openTimerCatch: typeof openTimerCatch;
  openEventSubprocessStart: typeof openEventSubprocessStart;
  closeWaits: typeof closeWaits;
  correlateBuffered: typeof correlateBuffered;
  triggerWait: typeof triggerWait;
  throwSignal: typeof throwSignal;
  throwError: typeof throwError;
  terminateElement: typeof terminateElement;
  terminateScope: typeof terminateScope;
  startInstance: typeof startInstance;
  startCalledInstance: typeof startCalledInstance;
  openEventSubprocesses: typeof openEventSubprocesses;
  errorEventStart: typeof errorEventStart;
  startEventSubprocess: typeof startEventSubprocess;
  fireEventSubprocess: typeof fireEventSubprocess;
}
