import { compileExpression, feelSyntaxError, type Expression } from '../feel/Expression';
import { scheduleTimer } from '../feel/timers';
import type { ModdleElement } from './moddle';
import type { ElementDef, ElementKind, EventDef, FlowDef, ProcessModel } from './ProcessModel';
import { compileExtensions } from './compileExtensions';

type Report = (elementId: string | undefined, message: string) => void;

const KINDS: Record<string, ElementKind> = {
  'bpmn:StartEvent': 'startEvent', 'bpmn:EndEvent': 'endEvent', 'bpmn:UserTask': 'userTask',
  'bpmn:ServiceTask': 'serviceTask', 'bpmn:SendTask': 'serviceTask', 'bpmn:BusinessRuleTask': 'serviceTask',
  'bpmn:ScriptTask': 'scriptTask', 'bpmn:ReceiveTask': 'receiveTask', 'bpmn:Task': 'task', 'bpmn:ManualTask': 'manualTask',
  'bpmn:ExclusiveGateway': 'exclusiveGateway', 'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway', 'bpmn:EventBasedGateway': 'eventBasedGateway',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent', 'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent', 'bpmn:SubProcess': 'subProcess', 'bpmn:CallActivity': 'callActivity',
};

/** Compiles one bpmn:Process into an executable model, reporting problems by element id. */
export function compileProcess(process: ModdleElement, _roots: ModdleElement[], report: Report): ProcessModel {
  const model: ProcessModel = { bpmnProcessId: String(process.id), elements: new Map(), timerStarts: [], messageStarts: [], signalStarts: [] };
  const expr = (raw: unknown, elementId: string, what: string): Expression | undefined => {
    if (typeof raw !== 'string' || raw.trim() === '') return undefined;
    if (raw.startsWith('=')) {
      const error = feelSyntaxError(raw.slice(1).trim());
      if (error) report(elementId, `invalid FEEL ${what}: ${error}`);
    }
    return compileExpression(raw.trim());
  };
  compileContainer(process, undefined, model, expr, report);
  for (const el of model.elements.values()) {
    if (el.attachedTo) {
      const host = model.elements.get(el.attachedTo);
      if (host) host.boundaries.push(el.id);
      else report(el.id, `boundary event attached to unknown element ${el.attachedTo}`);
    }
    if (el.kind === 'eventBasedGateway') {
      for (const flow of el.outgoing) {
        const target = model.elements.get(flow.targetId);
        if (!target || target.kind !== 'intermediateCatchEvent') report(el.id, `event-based gateway must lead to catch events, not ${flow.targetId}`);
      }
    }
  }
  registerEventSubprocesses(model, report);
  const topStarts = [...model.elements.values()].filter((e) => e.kind === 'startEvent' && !e.parentId);
  const noneStart = topStarts.find((e) => !e.event);
  model.noneStartId = noneStart?.id;
  model.startForm = noneStart?.startForm;
  model.timerStarts = topStarts.filter((e) => e.event?.kind === 'timer').map((e) => e.id);
  model.messageStarts = topStarts.filter((e) => e.event?.kind === 'message').map((e) => e.id);
  model.signalStarts = topStarts.filter((e) => e.event?.kind === 'signal').map((e) => e.id);
  if (topStarts.length === 0) report(model.bpmnProcessId, 'process has no start event');
  return model;
}

type CompileExpr = (raw: unknown, elementId: string, what: string) => Expression | undefined;

function compileContainer(container: ModdleElement, parentId: string | undefined, model: ProcessModel, expr: CompileExpr, report: Report): void {
  const flowElements = (container.flowElements as ModdleElement[] | undefined) ?? [];
  const flows = flowElements.filter((f) => f.$type === 'bpmn:SequenceFlow');
  for (const node of flowElements) {
    if (node.$type === 'bpmn:SequenceFlow') continue;
    const id = String(node.id);
    const kind = KINDS[node.$type];
    if (!kind) {
      if (!['bpmn:DataObject', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'].includes(node.$type)) report(id, `unsupported element ${node.$type}`);
      continue;
    }
    const outgoing: FlowDef[] = [];
    const incoming: string[] = [];
    for (const flow of flows) {
      const target = flow.targetRef as ModdleElement | undefined;
      const source = flow.sourceRef as ModdleElement | undefined;
      if (source === node) {
        if (!target) {
          report(String(flow.id), 'sequence flow has no (or an unknown) target');
          continue;
        }
        const cond = flow.conditionExpression as ModdleElement | undefined;
        const condition = cond ? expr(cond.body, String(flow.id), 'condition') : undefined;
        if (condition && !condition.isFeel) report(String(flow.id), 'condition must be a FEEL expression starting with =');
        outgoing.push({ id: String(flow.id), targetId: String(target.id), condition });
      }
      if (target === node) incoming.push(String(flow.id));
    }
    const el: ElementDef = { id, kind, bpmnType: node.$type.slice('bpmn:'.length), name: node.name as string | undefined, parentId, incoming, outgoing, inputs: [], outputs: [], boundaries: [] };
    el.event = kind === 'receiveTask' ? compileMessage(node, node.messageRef as ModdleElement | undefined, id, expr, report) : compileEvent(node, id, expr, report);
    if (kind === 'startEvent') el.cancelActivity = node.isInterrupting !== false;
    if (kind === 'boundaryEvent') {
      el.attachedTo = String((node.attachedToRef as ModdleElement | undefined)?.id);
      el.cancelActivity = node.cancelActivity !== false;
    }
    const dflt = node.default as ModdleElement | undefined;
    if (dflt) el.defaultFlow = String(dflt.id);
    compileExtensions(node, el, expr, report);
    if (kind === 'exclusiveGateway' || kind === 'inclusiveGateway') {
      if (outgoing.length > 1) {
        for (const f of outgoing) if (!f.condition && f.id !== el.defaultFlow) report(f.id, 'outgoing flow of a gateway needs a condition or must be the default');
      }
    }
    if (kind === 'subProcess') {
      if (node.triggeredByEvent) el.triggeredByEvent = true;
      compileContainer(node, id, model, expr, report);
      const start = ((node.flowElements as ModdleElement[] | undefined) ?? []).find((f) => f.$type === 'bpmn:StartEvent');
      if (!start) report(id, 'subprocess has no start event');
      else el.startId = String(start.id);
    }
    if (model.elements.has(id)) report(id, 'duplicate element id');
    model.elements.set(id, el);
  }
}

function compileEvent(node: ModdleElement, id: string, expr: CompileExpr, report: Report): EventDef | undefined {
  const defs = (node.eventDefinitions as ModdleElement[] | undefined) ?? [];
  const def = defs[0];
  if (!def) return undefined;
  switch (def.$type) {
    case 'bpmn:TimerEventDefinition': {
      const kinds = [['timeDuration', 'duration'], ['timeDate', 'date'], ['timeCycle', 'cycle']] as const;
      for (const [prop, timer] of kinds) {
        const formal = def[prop] as ModdleElement | undefined;
        if (!formal) continue;
        const value = expr(formal.body, id, `timer ${timer}`);
        if (!value) break;
        if (!value.isFeel && !scheduleTimer(timer, value.source, 0)) report(id, `invalid timer ${timer} '${value.source}'`);
        return { kind: 'timer', timer, value };
      }
      report(id, 'timer event has no duration, date or cycle');
      return undefined;
    }
    case 'bpmn:MessageEventDefinition':
      return compileMessage(node, def.messageRef as ModdleElement | undefined, id, expr, report);
    case 'bpmn:SignalEventDefinition': {
      const signal = def.signalRef as ModdleElement | undefined;
      const name = signal ? expr(signal.name, id, 'signal name') : undefined;
      if (!name) {
        report(id, 'signal event has no signal name');
        return undefined;
      }
      return { kind: 'signal', name };
    }
    case 'bpmn:ErrorEventDefinition': {
      const error = def.errorRef as ModdleElement | undefined;
      const code = error?.errorCode as string | undefined;
      if (node.$type === 'bpmn:EndEvent' && !code) report(id, 'error end event needs an error code');
      return { kind: 'error', errorCode: code };
    }
    case 'bpmn:TerminateEventDefinition':
      return { kind: 'terminate' };
    default:
      report(id, `unsupported event definition ${def.$type}`);
      return undefined;
  }
}


/** The message a message event or receive task waits for: its name, and its correlation key unless it starts the process. */
function compileMessage(node: ModdleElement, message: ModdleElement | undefined, id: string, expr: CompileExpr, report: Report): EventDef | undefined {
  const name = message ? expr(message.name, id, 'message name') : undefined;
  if (!name) {
    report(id, node.$type === 'bpmn:ReceiveTask' ? 'receive task has no message name' : 'message event has no message name');
    return undefined;
  }
  const subscription = ((message?.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined)?.find((v) => v.$type === 'zeebe:Subscription');
  const correlationKey = expr(subscription?.correlationKey, id, 'correlation key');
  const isStart = node.$type === 'bpmn:StartEvent';
  if (!correlationKey && !isStart) report(id, `${node.$type === 'bpmn:ReceiveTask' ? 'receive task' : 'message catch event'} needs a zeebe:subscription correlationKey`);
  return { kind: 'message', name, correlationKey };
}

const EVENT_SUBPROCESS_STARTS = ['timer', 'message', 'error', 'signal'];

/** Lists each event subprocess with its container, and checks its start event can trigger it. */
function registerEventSubprocesses(model: ProcessModel, report: Report): void {
  model.eventSubprocesses = [];
  for (const el of model.elements.values()) {
    if (!el.triggeredByEvent) continue;
    const start = el.startId ? model.elements.get(el.startId) : undefined;
    if (start && !EVENT_SUBPROCESS_STARTS.includes(start.event?.kind ?? '')) report(start.id, 'the start event of an event subprocess needs a timer, message, error or signal definition');
    if (start?.event?.kind === 'message' && !start.event.correlationKey) report(start.id, 'the message start event of an event subprocess needs a zeebe:subscription correlationKey');
    if (el.incoming.length > 0 || el.outgoing.length > 0) report(el.id, 'an event subprocess has no incoming or outgoing sequence flows');
    const parent = el.parentId ? model.elements.get(el.parentId) : undefined;
    if (parent) (parent.eventSubprocesses ??= []).push(el.id);
    else model.eventSubprocesses.push(el.id);
  }
}
