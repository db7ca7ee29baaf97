import type { ElementBehavior } from './ElementBehavior';

/** An intermediate catch event waits for its timer, message or signal; without a definition it passes. */
export const intermediateCatchEvent: ElementBehavior = async ({ step, rec, el, ei, flow }) => {
  if (el.event?.kind === 'timer') return step.ops.openTimerCatch(step, rec, el, ei);
  if (el.event?.kind === 'message') return step.ops.openMessageCatch(step, rec, el, ei);
  if (el.event?.kind === 'signal') return step.ops.openSignalCatch(step, rec, el, ei);
  await flow.complete();
};

/** An intermediate throw event broadcasts its signal, if any, and passes. */
export const intermediateThrowEvent: ElementBehavior = async ({ step, rec, el, ei, flow }) => {
  if (el.event?.kind === 'signal') await step.ops.throwSignal(step, rec, el, ei);
  await flow.complete();
};

/** An end event: broadcasts its signal, throws its error, terminates its scope, or simply ends its token. */
export const endEvent: ElementBehavior = async ({ step, rec, el, ei, flow }) => {
  if (el.event?.kind === 'signal') await step.ops.throwSignal(step, rec, el, ei);
  if (el.event?.kind === 'error') return step.ops.throwError(step, rec, ei, el.event.errorCode ?? '', `error end event ${el.id}`, {});
  if (el.event?.kind === 'terminate') {
    await flow.complete(undefined, false);
    return step.ops.terminateScope(step, rec, ei.scope);
  }
  await flow.complete();
};
