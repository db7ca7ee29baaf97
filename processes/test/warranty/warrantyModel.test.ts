import { compileValidator } from '@dealerflow/forms';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { formsIn, resourcesOf } from '../../src';

interface Element {
  $type: string;
  id: string;
  extensionElements?: { values: { $type: string; [key: string]: unknown }[] };
  flowElements?: Element[];
  [key: string]: unknown;
}

const resources = resourcesOf('warranty');
const forms = formsIn(resources);
const extension = (element: Element, type: string) => element.extensionElements?.values.find((v) => v.$type === type);

async function parse() {
  const bpmn = resources.find((r) => r.name === 'warranty-claim.bpmn')!;
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement, warnings } = await moddle.fromXML(bpmn.content);
  const process = (rootElement as unknown as { rootElements: Element[] }).rootElements.find((e) => e.$type === 'bpmn:Process')!;
  return { process, warnings, elements: process.flowElements ?? [] };
}

const validClaim = {
  vin: 'XW8AN2NE3PH000101',
  mileage: 30000,
  repairDate: '2026-11-20',
  defectCode: 'B1001',
  defectDescription: 'Стеклоподъёмник водительской двери не работает',
  parts: [{ partNumber: '6RU837461', name: 'Стеклоподъёмник', quantity: 1, price: 8900 }],
  labourHours: 1.5,
};

describe('warranty claim model', () => {
  it('parses cleanly with the Zeebe extensions and is executable', async () => {
    const { process, warnings } = await parse();
    expect(warnings).toEqual([]);
    expect(process).toMatchObject({ id: 'warranty-claim', isExecutable: true });
  });

  it('gives every user task a Camunda user task, an assignment and a form that ships with it', async () => {
    const { elements } = await parse();
    const userTasks = elements.filter((e) => e.$type === 'bpmn:UserTask');
    expect(userTasks.map((t) => t.id).sort()).toEqual(['DecideClaim', 'ProvideInformation']);
    for (const task of userTasks) {
      expect(extension(task, 'zeebe:UserTask')).toBeDefined();
      expect(extension(task, 'zeebe:AssignmentDefinition')?.candidateGroups).toBeTruthy();
      const form = extension(task, 'zeebe:FormDefinition')?.externalReference;
      expect(forms.map((f) => f.id)).toContain(form);
    }
  });

  it('names a job type on every service and send task', async () => {
    const { elements } = await parse();
    const jobs = elements.filter((e) => e.$type === 'bpmn:ServiceTask' || e.$type === 'bpmn:SendTask');
    expect(jobs.map((t) => extension(t, 'zeebe:TaskDefinition')?.type).sort()).toEqual(['credit-note', 'notify', 'notify', 'notify', 'warranty-coverage']);
  });

  it('has a start form that accepts a real claim and names bad fields', () => {
    const start = forms.find((f) => f.id === 'warranty-claim-start')!;
    const validate = compileValidator(start.schema);
    expect(validate(validClaim)).toMatchObject({ ok: true });
    const bad = validate({ ...validClaim, vin: 'SHORT', parts: [{ partNumber: '', name: 'x', quantity: 0, price: -1 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.field).sort()).toEqual(['parts.0.partNumber', 'parts.0.price', 'parts.0.quantity', 'vin']);
  });

  it('requires a reason for every decision and marks the amount financial', () => {
    const decision = forms.find((f) => f.id === 'warranty-decision')!;
    const validate = compileValidator(decision.schema);
    expect(validate({ decision: 'approve', decisionReason: 'Покрыто гарантией' })).toMatchObject({ ok: true });
    expect(validate({ decision: 'approve' })).toMatchObject({ ok: false, errors: [{ field: 'decisionReason' }] });
    expect(validate({ decision: 'maybe', decisionReason: 'hmm hmm' })).toMatchObject({ ok: false });
    expect((decision.schema as { properties: Record<string, Record<string, unknown>> }).properties.approvedAmount['x-classification']).toBe('financial');
  });

  it('gives every form both languages', () => {
    for (const form of forms) {
      expect(form.title.ru && form.title.en).toBeTruthy();
      expect(form.labels?.en).toBeDefined();
    }
  });
});
