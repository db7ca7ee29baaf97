import { visibleVariables } from '../variables';
import type { ElementBehavior } from './ElementBehavior';

/** A service, send or business rule task: a job for a worker, or a called decision evaluated at once. */
export const serviceTask: ElementBehavior = ({ step, rec, el, ei }) => (el.decision ? step.ops.evaluateCalledDecision(step, rec, el, ei) : step.ops.createJob(step, rec, el, ei));

/** A user task waits for a person. */
export const userTask: ElementBehavior = ({ step, rec, el, ei }) => step.ops.createUserTask(step, rec, el, ei);

/** A script task evaluates its FEEL expression and completes with the result. */
export const scriptTask: ElementBehavior = async ({ rec, el, ei, flow }) => {
  const value = el.script!.expression.evaluate(visibleVariables(rec, ei.id));
  await flow.complete(el.script!.resultVariable ? { [el.script!.resultVariable]: value } : undefined);
};

/** A receive task waits for its message, like a message catch event (boundary events included). */
export const receiveTask: ElementBehavior = ({ step, rec, el, ei }) => step.ops.openMessageCatch(step, rec, el, ei);
