import { compileValidator } from '@dealerflow/forms';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { formsIn, resourcesOf, shippedProcessFolders } from '../../src';

interface Element {
  $type: string;
  id: string;
  extensionElements?: { values: { $type: string; [key: string]: unknown }[] };
  flowElements?: Element[];
  [key: string]: unknown;
}

const extension = (element: Element, type: string) => element.extensionElements?.values.find((v) => v.$type === type);
const allElements = (elements: Element[]): Element[] => elements.flatMap((e) => [e, ...allElements(e.flowElements ?? [])]);

async function parse(folder: string, file: string) {
  const bpmn = resourcesOf(folder).find((r) => r.name === file)!;
  const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(bpmn.content);
  const process = (rootElement as unknown as { rootElements: Element[] }).rootElements.find((e) => e.$type === 'bpmn:Process')!;
  return { process, warnings, elements: allElements(process.flowElements ?? []) };
}

const formOf = (folder: string, id: string) => formsIn(resourcesOf(folder)).find((f) => f.id === id)!;
const schemaOf = (folder: string, id: string) => formOf(folder, id).schema as { properties: Record<string, Record<string, unknown>> };

describe('the vehicle allocation and credit limit check models', () => {
  it('ship, parse cleanly and are executable', async () => {
    expect(shippedProcessFolders).toEqual(expect.arrayContaining(['vehicle-allocation', 'credit-limit-check']));
    for (const [folder, file, id] of [['vehicle-allocation', 'vehicle-allocation.bpmn', 'vehicle-allocation'], ['credit-limit-check', 'credit-limit-check.bpmn', 'credit-limit-check']]) {
      const { process, warnings } = await parse(folder, file);
      expect(warnings).toEqual([]);
      expect(process).toMatchObject({ id, isExecutable: true });
    }
    expect(resourcesOf('credit-limit-check').map((r) => r.name)).toContain('credit-limit-policy.dmn');
  });

  it('calls the credit check as a call activity and maps only its documented outputs back', async () => {
    const { elements } = await parse('vehicle-allocation', 'vehicle-allocation.bpmn');
    const call = elements.find((e) => e.id === 'CheckCredit')!;
    expect(call.$type).toBe('bpmn:CallActivity');
    expect(extension(call, 'zeebe:CalledElement')).toMatchObject({ processId: 'credit-limit-check', propagateAllChildVariables: false });
    const outputs = (extension(call, 'zeebe:IoMapping')?.outputParameters as { target: string }[]).map((o) => o.target);
    // the gateways read creditApproved, which no form carries, so a task's form data cannot change the credit verdict
    expect(outputs.sort()).toEqual(['credit', 'creditApproved', 'exposure']);
  });

  it('gives every user task a group and a shipped form, and every job a plugin type', async () => {
    const tasks: [string, string][] = [];
    const types: string[] = [];
    for (const [folder, file] of [['vehicle-allocation', 'vehicle-allocation.bpmn'], ['credit-limit-check', 'credit-limit-check.bpmn']]) {
      const { elements } = await parse(folder, file);
      const forms = formsIn(resourcesOf(folder)).map((f) => f.id);
      for (const task of elements.filter((e) => e.$type === 'bpmn:UserTask')) {
        tasks.push([task.id, String(extension(task, 'zeebe:AssignmentDefinition')?.candidateGroups)]);
        expect(forms).toContain(extension(task, 'zeebe:FormDefinition')?.externalReference);
      }
      types.push(...elements.filter((e) => e.$type === 'bpmn:ServiceTask' || e.$type === 'bpmn:SendTask').map((e) => String(extension(e, 'zeebe:TaskDefinition')?.type)));
    }
    expect(tasks.sort()).toEqual([['ConfirmReceipt', 'dealer-manager'], ['DecideAllocation', 'sales'], ['DecideOverdraft', 'finance']]);
    expect([...new Set(types)].sort()).toEqual(['credit-exposure', 'notify', 'stock']);
  });

  it('has a start form that takes lines or VINs and refuses an empty request', () => {
    const validate = compileValidator(formOf('vehicle-allocation', 'vehicle-allocation-start').schema);
    expect(validate({ lines: [{ model: 'Sorento', trim: 'Prestige', colour: 'Белый', quantity: 2 }] })).toMatchObject({ ok: true });
    expect(validate({ vins: ['XWESR020260000001'] })).toMatchObject({ ok: true });
    expect(validate({})).toMatchObject({ ok: false });
    expect(validate({ lines: [] })).toMatchObject({ ok: false });
    expect(validate({ vins: [] })).toMatchObject({ ok: false });
    expect(validate({ vins: ['SHORT'] })).toMatchObject({ ok: false });
  });

  it('requires a reason for every decision and the VINs for a partial allocation', () => {
    const decide = compileValidator(formOf('vehicle-allocation', 'vehicle-allocation-decision').schema);
    expect(decide({ allocationDecision: 'allocate', decisionReason: 'План продаж' })).toMatchObject({ ok: true });
    expect(decide({ allocationDecision: 'allocatePart', decisionReason: 'Часть уходит в другой регион' })).toMatchObject({ ok: false });
    expect(decide({ allocationDecision: 'allocatePart', allocatedVins: [], decisionReason: 'Часть уходит в другой регион' })).toMatchObject({ ok: false });
    expect(decide({ allocationDecision: 'allocate', allocatedVins: [], decisionReason: 'Все автомобили' })).toMatchObject({ ok: true });
    expect(decide({ allocationDecision: 'refuse' })).toMatchObject({ ok: false });
    const finance = compileValidator(formOf('credit-limit-check', 'credit-overdraft-decision').schema);
    expect(finance({ financeDecision: 'refuse', decisionReason: 'Просроченная задолженность' })).toMatchObject({ ok: true });
    expect(finance({ financeDecision: 'grant', decisionReason: 'Сезонный спрос' })).toMatchObject({ ok: false });
    expect(finance({ financeDecision: 'grant', overdraftAmount: 1_000_000, overdraftExpiresAt: '2027-01-31', decisionReason: 'Сезонный спрос' })).toMatchObject({ ok: true });
  });

  it('marks limit, debt, exposure and money as financial, and gives every form both languages', () => {
    expect(schemaOf('credit-limit-check', 'credit-overdraft-decision').properties.exposure['x-classification']).toBe('financial');
    expect(schemaOf('credit-limit-check', 'credit-overdraft-decision').properties.overdraftAmount['x-classification']).toBe('financial');
    expect(schemaOf('vehicle-allocation', 'vehicle-allocation-decision').properties.reservedAmount['x-classification']).toBe('financial');
    expect(schemaOf('vehicle-allocation', 'vehicle-allocation-decision').properties.credit['x-classification']).toBe('financial');
    for (const folder of ['vehicle-allocation', 'credit-limit-check']) {
      for (const form of formsIn(resourcesOf(folder))) {
        expect(form.title.ru && form.title.en).toBeTruthy();
        const fields = Object.keys((form.schema as { properties: object }).properties);
        for (const field of fields) expect(form.labels?.en?.[field]).toBeTruthy();
      }
    }
  });
});
