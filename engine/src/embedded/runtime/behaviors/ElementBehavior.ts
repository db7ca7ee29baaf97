import type { Variables } from '../../../port';
import type { ElementDef, FlowDef, ProcessModel } from '../../model/ProcessModel';
import type { ElementInstance, InstanceRecord } from '../../store/EngineStore';
import type { Step } from '../Step';

/** The flow operations a behaviour may use on its element instance, given by the executor (behaviours never import it). */
export interface Flow {
  /** Completes the element instance with result variables, then (by default) follows its outgoing flows. */
  complete(variables?: Variables, continueFlow?: boolean): Promise<void>;
  /** Leaves the element instance (output mappings) without following any flow. */
  leave(): Promise<void>;
  /** Activates an element in a flow scope. */
  activate(elementId: string, scope: string): Promise<ElementInstance | undefined>;
  /** Follows sequence flows within a scope. */
  take(flows: FlowDef[], scope: string): Promise<void>;
}

/** Everything a behaviour sees when its element becomes active. */
export interface BehaviorContext {
  step: Step;
  rec: InstanceRecord;
  model: ProcessModel;
  el: ElementDef;
  ei: ElementInstance;
  flow: Flow;
}

/** What an element kind does once active: wait (open a job, task or subscription), or complete and move on. A FeelError becomes an incident. */
export type ElementBehavior = (ctx: BehaviorContext) => Promise<void>;
