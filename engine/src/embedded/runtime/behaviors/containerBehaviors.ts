import type { ElementBehavior } from './ElementBehavior';

/** An embedded subprocess opens its variable scope and its event subprocess subscriptions, and starts at its none start event. */
export const subProcess: ElementBehavior = async ({ step, rec, el, ei, flow }) => {
  rec.vars[ei.id] ??= {};
  await step.ops.openEventSubprocesses(step, rec, ei.id);
  await flow.activate(el.startId!, ei.id);
};

/** A call activity starts the called process and waits for it. */
export const callActivity: ElementBehavior = ({ step, rec, el, ei }) => step.ops.startCalledInstance(step, rec, el, ei);
