import type { ModdleElement } from 'bpmn-moddle';
import { extensionOf } from '../extensionOf';

/** The aspects of an element a reviewer cares about, each as readable text (absent when unset). */
export type FacetName = 'name' | 'type' | 'taskDefinition' | 'assignment' | 'form' | 'inputs' | 'outputs' | 'headers' | 'condition' | 'timer' | 'message' | 'calledElement' | 'connection';

/** One value per facet that the element has. */
export type Facets = Partial<Record<FacetName, string>>;

type Attributes = Record<string, unknown>;

/** `key=value` pairs of the filled attributes, in the given order. */
function pairs(element: ModdleElement | undefined, keys: string[]): string | undefined {
  if (!element) return undefined;
  const filled = keys.filter((key) => element[key] !== undefined && element[key] !== '').map((key) => `${key}=${String(element[key])}`);
  return filled.length ? filled.join(', ') : undefined;
}

function bodyOf(expression: unknown): string | undefined {
  const body = (expression as Attributes | undefined)?.body;
  return typeof body === 'string' && body.trim() ? body.trim() : undefined;
}

function mappings(element: ModdleElement, list: 'inputParameters' | 'outputParameters'): string | undefined {
  const parameters = (extensionOf(element, 'zeebe:IoMapping')?.[list] ?? []) as Attributes[];
  return parameters.length ? parameters.map((p) => `${String(p.target)} ← ${String(p.source ?? '')}`).join('; ') : undefined;
}

function timerOf(element: ModdleElement): string | undefined {
  const definitions = (element.eventDefinitions ?? []) as ModdleElement[];
  const timer = definitions.find((definition) => definition.$instanceOf('bpmn:TimerEventDefinition'));
  if (!timer) return undefined;
  const kind = (['timeDuration', 'timeDate', 'timeCycle'] as const).find((key) => bodyOf(timer[key]));
  return kind ? `${kind}=${bodyOf(timer[kind])}` : 'timer';
}

function messageOf(element: ModdleElement): string | undefined {
  const definitions = (element.eventDefinitions ?? []) as ModdleElement[];
  const reference = (element.messageRef ?? definitions.find((d) => d.$instanceOf('bpmn:MessageEventDefinition'))?.messageRef) as Attributes | undefined;
  if (!reference) return undefined;
  const subscription = extensionOf(reference as ModdleElement, 'zeebe:Subscription');
  return [`name=${String(reference.name ?? '')}`, subscription?.correlationKey ? `correlationKey=${String(subscription.correlationKey)}` : ''].filter(Boolean).join(', ');
}

function headersOf(element: ModdleElement): string | undefined {
  const values = (extensionOf(element, 'zeebe:TaskHeaders')?.values ?? []) as Attributes[];
  return values.length ? values.map((header) => `${String(header.key)}=${String(header.value)}`).join(', ') : undefined;
}

function connectionOf(element: ModdleElement): string | undefined {
  if (!element.$instanceOf('bpmn:SequenceFlow')) return undefined;
  const id = (ref: unknown) => String((ref as Attributes | undefined)?.id ?? '?');
  return `${id(element.sourceRef)} → ${id(element.targetRef)}`;
}

/** The reviewable aspects of one flow element (or process): what changed means for the people running it. */
export function elementFacets(element: ModdleElement): Facets {
  const name = typeof element.name === 'string' ? element.name.trim() : '';
  const facets: Facets = {
    name: name || undefined,
    type: element.$type,
    taskDefinition: pairs(extensionOf(element, 'zeebe:TaskDefinition'), ['type', 'retries']),
    assignment: pairs(extensionOf(element, 'zeebe:AssignmentDefinition'), ['assignee', 'candidateGroups', 'candidateUsers']),
    form: pairs(extensionOf(element, 'zeebe:FormDefinition'), ['formId', 'externalReference', 'formKey']),
    inputs: mappings(element, 'inputParameters'),
    outputs: mappings(element, 'outputParameters'),
    headers: headersOf(element),
    condition: bodyOf(element.conditionExpression),
    timer: timerOf(element),
    message: messageOf(element),
    calledElement: pairs(extensionOf(element, 'zeebe:CalledElement'), ['processId', 'propagateAllChildVariables']),
    connection: connectionOf(element),
  };
  return Object.fromEntries(Object.entries(facets).filter(([, value]) => value !== undefined)) as Facets;
}
