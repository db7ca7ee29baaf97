import type { ElementKind } from '../../model/ProcessModel';
import { callActivity, subProcess } from './containerBehaviors';
import type { ElementBehavior } from './ElementBehavior';
import { endEvent, intermediateCatchEvent, intermediateThrowEvent } from './eventBehaviors';
import { conditionalGateway, eventBasedGateway } from './gatewayBehaviors';
import { receiveTask, scriptTask, serviceTask, userTask } from './taskBehaviors';

/** Elements that do nothing of their own: they complete at once and follow their flows. */
const passThrough: ElementBehavior = ({ flow }) => flow.complete();

/**
 * One behaviour per element kind: adding a kind adds a row here and its behaviour module,
 * and the executor runs whatever the table holds.
 */
export const elementBehaviors: Record<ElementKind, ElementBehavior> = {
  startEvent: passThrough,
  endEvent,
  userTask,
  serviceTask,
  scriptTask,
  receiveTask,
  task: passThrough,
  manualTask: passThrough,
  exclusiveGateway: conditionalGateway,
  parallelGateway: passThrough,
  inclusiveGateway: conditionalGateway,
  eventBasedGateway,
  intermediateCatchEvent,
  intermediateThrowEvent,
  boundaryEvent: passThrough,
  subProcess,
  callActivity,
};
