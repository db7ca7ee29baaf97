import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

/** What the catalog needs to know of one executable process in a BPMN file. */
export interface ProcessSummary {
  bpmnProcessId: string;
  name: string;
  startFormId: string | null;
  /** Every form the process's elements reference (start events and user tasks, in sub-processes too). */
  formIds: string[];
  /** Each element that references a form, with the reference. */
  formRefs: FormReference[];
}

/** An element's zeebe:formDefinition reference. */
export interface FormReference {
  elementId: string;
  formId: string;
  /**
   * The attribute that holds it: `externalReference` names one of our forms; `formId` (a
   * Camunda form linked at run time) and `formKey` (one embedded in the model) may be absent
   * from our catalog, and their tasks then show no fields.
   */
  attribute: 'externalReference' | 'formId' | 'formKey';
}

interface ModdleElement {
  $type: string;
  id: string;
  name?: string;
  isExecutable?: boolean;
  eventDefinitions?: unknown[];
  flowElements?: ModdleElement[];
  rootElements?: ModdleElement[];
  extensionElements?: { values?: { $type: string; externalReference?: string; formId?: string; formKey?: string }[] };
}

function formReferenceOf(element: ModdleElement): Omit<FormReference, 'elementId'> | null {
  const form = element.extensionElements?.values?.find((v) => v.$type === 'zeebe:FormDefinition');
  for (const attribute of ['externalReference', 'formId', 'formKey'] as const) {
    const formId = form?.[attribute];
    if (formId) return { formId, attribute };
  }
  return null;
}

function formIdOf(element: ModdleElement): string | null {
  return formReferenceOf(element)?.formId ?? null;
}

function formRefsIn(element: ModdleElement, into: FormReference[]): FormReference[] {
  const reference = formReferenceOf(element);
  if (reference) into.push({ elementId: element.id, ...reference });
  for (const child of element.flowElements ?? []) formRefsIn(child, into);
  return into;
}

/** The executable processes of a BPMN document, with their names and start forms. */
export async function describeBpmn(xml: string): Promise<ProcessSummary[]> {
  const { rootElement } = await new BpmnModdle({ zeebe }).fromXML(xml);
  const processes = ((rootElement as ModdleElement).rootElements ?? []).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable);
  return processes.map((process) => {
    const start = (process.flowElements ?? []).find((e) => e.$type === 'bpmn:StartEvent' && !e.eventDefinitions?.length);
    const formRefs = formRefsIn(process, []);
    return { bpmnProcessId: process.id, name: process.name ?? process.id, startFormId: start ? formIdOf(start) : null, formIds: [...new Set(formRefs.map((ref) => ref.formId))], formRefs };
  });
}
