import { FeelError } from '../../feel/Expression';
import type { FlowDef } from '../../model/ProcessModel';
import { visibleVariables } from '../variables';
import type { ElementBehavior } from './ElementBehavior';

/** An exclusive gateway takes the first flow whose condition holds, an inclusive one every such flow; else the default. */
export const conditionalGateway: ElementBehavior = async ({ rec, el, ei, flow }) => {
  const vars = visibleVariables(rec, ei.id);
  const chosen: FlowDef[] = [];
  for (const f of el.outgoing) {
    if (f.id === el.defaultFlow) continue;
    if (!f.condition || f.condition.evaluate(vars) === true) {
      chosen.push(f);
      if (el.kind === 'exclusiveGateway') break;
    }
  }
  if (chosen.length === 0 && el.defaultFlow) chosen.push(el.outgoing.find((f) => f.id === el.defaultFlow)!);
  if (chosen.length === 0 && el.outgoing.length > 0) throw new FeelError(`no outgoing sequence flow of gateway ${el.id} has a true condition and there is no default flow`);
  await flow.leave();
  await flow.take(chosen, ei.scope);
};

/** An event-based gateway waits for the first of its catch events. */
export const eventBasedGateway: ElementBehavior = ({ step, rec, model, el, ei }) => step.ops.openEventGateway(step, rec, model, el, ei);
