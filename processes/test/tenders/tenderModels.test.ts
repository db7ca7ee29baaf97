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
const formOf = (id: string) => formsIn(resourcesOf('tender-reservation')).find((f) => f.id === id)!;

async function parse() {
  const bpmn = resourcesOf('tender-reservation').find((r) => r.name === 'tender-reservation.bpmn')!;
  const { rootElement, warnings } = await new BpmnModdle({ zeebe }).fromXML(bpmn.content);
  const process = (rootElement as unknown as { rootElements: Element[] }).rootElements.find((e) => e.$type === 'bpmn:Process')!;
  return { process, warnings, elements: allElements(process.flowElements ?? []) };
}

const valid = {
  customerInn: '7707083893', customerName: 'ПАО «Сбербанк»', tenderNumber: '0373100056024000123', platform: 'eis-44',
  tenderObject: 'Поставка легковых автомобилей', products: [{ productCode: 'K5', quantity: 2 }], expectedDate: '2027-01-20',
  documents: [{ id: '3f1c2b9a-1111-4a2b-9c3d-000000000001', fileName: 'Извещение.pdf' }],
};

describe('the tender reservation model', () => {
  it('ships, parses cleanly and is executable', async () => {
    expect(shippedProcessFolders).toContain('tender-reservation');
    const { process, warnings } = await parse();
    expect(warnings).toEqual([]);
    expect(process).toMatchObject({ id: 'tender-reservation', isExecutable: true });
  });

  it('gives verification to the sales group and the result to the dealer, each with a shipped form; jobs are plugins', async () => {
    const { elements } = await parse();
    const forms = formsIn(resourcesOf('tender-reservation')).map((f) => f.id);
    const tasks = elements.filter((e) => e.$type === 'bpmn:UserTask').map((task) => {
      expect(forms).toContain(extension(task, 'zeebe:FormDefinition')?.externalReference);
      return [task.id, String(extension(task, 'zeebe:AssignmentDefinition')?.candidateGroups)];
    });
    expect(tasks.sort()).toEqual([['ReportOutcome', 'dealer-manager,dealer-staff'], ['VerifyTender', 'sales']]);
    const types = elements.filter((e) => e.$type === 'bpmn:ServiceTask' || e.$type === 'bpmn:SendTask').map((e) => String(extension(e, 'zeebe:TaskDefinition')?.type));
    expect([...new Set(types)].sort()).toEqual(['notify', 'tender-registry']);
    // the conflict window and the hold while verified are headers an admin edits in the designer
    const register = elements.find((e) => e.id === 'CheckConflicts')!;
    expect((extension(register, 'zeebe:TaskHeaders')?.values as { key: string; value: string }[]).map((h) => [h.key, h.value])).toEqual([['operation', 'register'], ['windowDays', '90'], ['holdDays', '5']]);
  });

  it('has a start form that checks the INN check digits and wants products and documents', () => {
    const validate = compileValidator(formOf('tender-reservation-start').schema);
    expect(validate(valid)).toMatchObject({ ok: true });
    expect(validate({ ...valid, customerInn: '500100732259' })).toMatchObject({ ok: true });
    expect(validate({ ...valid, customerInn: '7707083894' })).toEqual({ ok: false, errors: [{ field: 'customerInn', message: 'must match format "inn"' }] });
    expect(validate({ ...valid, products: [] })).toMatchObject({ ok: false });
    expect(validate({ ...valid, documents: [] })).toMatchObject({ ok: false });
    expect(validate({ ...valid, platform: 'avito' })).toMatchObject({ ok: false });
  });

  it('asks a reason for every verification and a comment when the tender was lost', () => {
    const verify = compileValidator(formOf('tender-reservation-verify').schema);
    expect(verify({ decision: 'approve', lockDays: 30, decisionReason: 'Документы в порядке' })).toMatchObject({ ok: true });
    expect(verify({ decision: 'reject' })).toMatchObject({ ok: false });
    expect(verify({ decision: 'approve', lockDays: 400, decisionReason: 'Документы в порядке' })).toMatchObject({ ok: false });
    const outcome = compileValidator(formOf('tender-reservation-outcome').schema);
    expect(outcome({ outcome: 'won' })).toMatchObject({ ok: true });
    expect(outcome({ outcome: 'lost' })).toMatchObject({ ok: false });
    expect(outcome({ outcome: 'lost', outcomeNote: 'Выиграл конкурент с ценой ниже на 3 %' })).toMatchObject({ ok: true });
  });
});
