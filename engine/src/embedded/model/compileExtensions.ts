import type { Expression } from '../feel/Expression';
import type { ModdleElement } from './moddle';
import type { ElementDef, TaskListenerDef } from './ProcessModel';
import { listenerEventType } from './taskListenerEventType';

type CompileExpr = (raw: unknown, elementId: string, what: string) => Expression | undefined;

/** Reads the zeebe: extension elements of a node into its compiled definition. */
export function compileExtensions(node: ModdleElement, el: ElementDef, expr: CompileExpr, report: (id: string, message: string) => void): void {
  const values = ((node.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? [];
  const ext = (type: string) => values.find((v) => v.$type === type);
  const id = el.id;
  for (const bound of ['zeebe:CalledElement', 'zeebe:CalledDecision', 'zeebe:FormDefinition'].map(ext)) {
    const binding = bound?.bindingType;
    // 'deployment' and 'versionTag' would bind other versions than the latest: refused rather than run differently
    if (typeof binding === 'string' && binding !== 'latest') report(id, `binding type '${binding}' of ${bound!.$type} is not supported: only 'latest' is (the newest version when the element is entered)`);
  }
  const io = ext('zeebe:IoMapping');
  for (const [list, prop] of [[el.inputs, 'inputParameters'], [el.outputs, 'outputParameters']] as const) {
    for (const p of ((io?.[prop] as ModdleElement[] | undefined) ?? [])) {
      const target = p.target as string | undefined;
      const source = expr(p.source ?? '=null', id, `mapping of ${target}`);
      if (!target || !source) report(id, 'io mapping needs a source and a target');
      else list.push({ source, target });
    }
  }
  const calledDecision = ext('zeebe:CalledDecision');
  if (el.kind === 'serviceTask' && calledDecision) {
    const decisionId = expr(calledDecision.decisionId, id, 'decision id');
    const resultVariable = calledDecision.resultVariable as string | undefined;
    if (!decisionId || !resultVariable) report(id, 'zeebe:calledDecision needs a decisionId and a resultVariable');
    else el.decision = { decisionId, resultVariable };
  } else if (el.kind === 'serviceTask') {
    const def = ext('zeebe:TaskDefinition');
    const type = expr(def?.type, id, 'job type');
    if (!type) report(id, `${node.$type.slice(5)} needs a zeebe:taskDefinition type`);
    else el.job = { type, retries: expr(def?.retries ?? '3', id, 'retries') as Expression, headers: headersOf(ext('zeebe:TaskHeaders')) };
  }
  if (el.kind === 'startEvent') {
    const form = ext('zeebe:FormDefinition');
    if (typeof form?.formId === 'string' && form.formId) el.startForm = { formId: form.formId };
    else if (typeof form?.formKey === 'string' && form.formKey) el.startForm = { formKey: form.formKey };
  }
  if (el.kind === 'userTask') {
    const assignment = ext('zeebe:AssignmentDefinition');
    const form = ext('zeebe:FormDefinition');
    const schedule = ext('zeebe:TaskSchedule');
    const priority = ext('zeebe:PriorityDefinition');
    el.userTask = {
      assignee: expr(assignment?.assignee, id, 'assignee'),
      candidateGroups: expr(assignment?.candidateGroups, id, 'candidate groups'),
      candidateUsers: expr(assignment?.candidateUsers, id, 'candidate users'),
      formKey: form?.formKey as string | undefined,
      formId: form?.formId as string | undefined,
      externalReference: form?.externalReference as string | undefined,
      dueDate: expr(schedule?.dueDate, id, 'due date'),
      followUpDate: expr(schedule?.followUpDate, id, 'follow-up date'),
      priority: expr(priority?.priority, id, 'priority'),
    };
    const listeners = compileTaskListeners(ext('zeebe:TaskListeners'), id, expr, report);
    if (listeners.length > 0) el.userTask.listeners = listeners;
  }
  if (el.kind === 'scriptTask') {
    const script = ext('zeebe:Script');
    const expression = expr(script?.expression, id, 'script');
    if (!expression || !expression.isFeel) report(id, 'script task needs a zeebe:script FEEL expression');
    else el.script = { expression, resultVariable: script?.resultVariable as string | undefined };
  }
  if (el.kind === 'callActivity') {
    const called = ext('zeebe:CalledElement');
    const processId = expr(called?.processId, id, 'called process id');
    if (!processId) report(id, 'call activity needs a zeebe:calledElement processId');
    else el.called = { processId, propagateAllChildVariables: called?.propagateAllChildVariables !== false };
  }
  const loop = node.loopCharacteristics as ModdleElement | undefined;
  if (loop) {
    if (loop.$type !== 'bpmn:MultiInstanceLoopCharacteristics') {
      report(id, 'only multi-instance loops are supported');
      return;
    }
    const z = (((loop.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? []).find((v) => v.$type === 'zeebe:LoopCharacteristics');
    const inputCollection = expr(z?.inputCollection, id, 'input collection');
    if (!inputCollection) report(id, 'multi-instance needs a zeebe:loopCharacteristics inputCollection');
    else {
      el.multiInstance = {
        sequential: loop.isSequential === true,
        inputCollection,
        inputElement: z?.inputElement as string | undefined,
        outputCollection: z?.outputCollection as string | undefined,
        outputElement: expr(z?.outputElement, id, 'output element'),
      };
    }
  }
}

function headersOf(headers: ModdleElement | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const h of ((headers?.values as ModdleElement[] | undefined) ?? [])) out[String(h.key)] = String(h.value ?? '');
  return out;
}

function compileTaskListeners(node: ModdleElement | undefined, id: string, expr: CompileExpr, report: (id: string, message: string) => void): TaskListenerDef[] {
  const out: TaskListenerDef[] = [];
  for (const l of ((node?.listeners as ModdleElement[] | undefined) ?? [])) {
    const eventType = listenerEventType(l.eventType);
    const type = expr(l.type, id, 'task listener type');
    if (!eventType) report(id, `task listener event type '${String(l.eventType)}' is not one of creating, assigning, updating, completing, canceling`);
    else if (!type) report(id, `a ${eventType} task listener needs a type`);
    else out.push({ eventType, type, retries: expr(l.retries ?? '3', id, 'task listener retries') as Expression });
  }
  return out;
}
