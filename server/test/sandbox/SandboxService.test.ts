import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CurrentUser } from '../../src/auth/CurrentUser';
import { defineAbilityFor } from '../../src/permissions/defineAbilityFor';
import { roleCatalog } from '../../src/permissions/roleCatalog';
import { SandboxService } from '../../src/sandbox/SandboxService';

const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://dealerflow.example/test">
  <bpmn:process id="tiny" name="Tiny" isExecutable="true">
    <bpmn:startEvent id="Start" name="Start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Review" name="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition candidateGroups="sales" /><zeebe:formDefinition externalReference="tiny-form" /></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="End" name="End"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Diagram"><bpmndi:BPMNPlane id="Plane" bpmnElement="tiny">
    <bpmndi:BPMNShape id="Start_di" bpmnElement="Start"><dc:Bounds x="100" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="Review_di" bpmnElement="Review"><dc:Bounds x="200" y="78" width="100" height="80" /></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="End_di" bpmnElement="End"><dc:Bounds x="360" y="100" width="36" height="36" /></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="f1_di" bpmnElement="f1"><di:waypoint x="136" y="118" /><di:waypoint x="200" y="118" /></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="f2_di" bpmnElement="f2"><di:waypoint x="300" y="118" /><di:waypoint x="360" y="118" /></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
const rules = readFileSync(join(__dirname, '../../../engine/conformance/fixtures/c_rules.dmn'), 'utf8');
/** The tiny process with a business rule task calling `lead_routing` before the review. */
const withDecision = xml
  .replace('<bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>', '<bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent><bpmn:businessRuleTask id="Route" name="Route"><bpmn:extensionElements><zeebe:calledDecision decisionId="lead_routing" resultVariable="routing" /></bpmn:extensionElements><bpmn:incoming>f0</bpmn:incoming><bpmn:outgoing>f1</bpmn:outgoing></bpmn:businessRuleTask><bpmn:sequenceFlow id="f0" sourceRef="Start" targetRef="Route" />')
  .replace('sourceRef="Start" targetRef="Review"', 'sourceRef="Route" targetRef="Review"')
  .replace('<bpmndi:BPMNShape id="Review_di"', '<bpmndi:BPMNShape id="Route_di" bpmnElement="Route"><dc:Bounds x="150" y="200" width="100" height="80" /></bpmndi:BPMNShape><bpmndi:BPMNEdge id="f0_di" bpmnElement="f0"><di:waypoint x="118" y="136" /><di:waypoint x="150" y="240" /></bpmndi:BPMNEdge><bpmndi:BPMNShape id="Review_di"');
const form = { id: 'tiny-form', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } };

const userWith = (username: string, role: string): CurrentUser => {
  const rules = roleCatalog.find((r) => r.name === role)!.rules;
  return { id: username, username, displayName: username, dealerId: null, roles: [role], groups: [], locale: 'ru', ability: defineAbilityFor({ id: username, username, dealerId: null, groups: [] }, rules) };
};

describe('SandboxService', () => {
  let now = 1_000_000;
  const sandbox = new SandboxService({ plugins: () => [], lookupForm: async () => null, log: { info() {}, warn() {}, error() {} }, idleMs: 30 * 60_000, maxRunsPerUser: 2, now: () => now });
  const admin = userWith('admin', 'process-admin');
  afterAll(() => sandbox.shutdown());

  it('closes a run idle for longer than the limit, and keeps one in use', async () => {
    const idle = await sandbox.start(admin, { xml, forms: [form] });
    const used = await sandbox.start(admin, { xml, forms: [form] });
    expect(idle.tasks).toEqual([expect.objectContaining({ elementId: 'Review', form: expect.objectContaining({ id: 'tiny-form' }) })]);
    now += 20 * 60_000;
    await sandbox.get(admin, used.id);
    now += 11 * 60_000;
    await expect(sandbox.get(admin, idle.id)).rejects.toMatchObject({ status: 404 });
    const view = await sandbox.complete(admin, used.id, used.tasks[0].key, { ok: true });
    expect(view.state).toBe('COMPLETED');
    expect(view.path).toEqual(['Start', 'Review', 'End']);
  });

  it('keeps at most the cap of runs per admin, closing the least recently used', async () => {
    const first = await sandbox.start(admin, { xml, forms: [form] });
    now += 1;
    const second = await sandbox.start(admin, { xml, forms: [form] });
    now += 1;
    const third = await sandbox.start(admin, { xml, forms: [form] });
    await expect(sandbox.get(admin, first.id)).rejects.toMatchObject({ status: 404 });
    expect((await sandbox.get(admin, second.id)).id).toBe(second.id);
    expect((await sandbox.get(admin, third.id)).id).toBe(third.id);
    // Another admin's runs are theirs: not visible, and not counted against this one.
    const other = { ...userWith('admin2', 'process-admin') };
    await expect(sandbox.get(other, third.id)).rejects.toMatchObject({ status: 404 });
  });

  it('evaluates the DMN decisions sent with the draft, and refuses a broken table with its problems', async () => {
    const view = await sandbox.start(admin, { xml: withDecision, forms: [form], decisions: [{ name: 'rules.dmn', content: rules }], variables: { region: 'Moscow', budget: 7_000_000 } });
    expect(view.variables.routing).toEqual({ dealerId: 'dealer1', channel: 'call' });
    expect(view.active).toEqual(['Review']);
    const broken = rules.replace('<text>"dealer2"</text>', '<text>"dealer2" +</text>');
    await expect(sandbox.start(admin, { xml: withDecision, forms: [form], decisions: [{ name: 'rules.dmn', content: broken }] })).rejects.toMatchObject({ status: 400, details: expect.arrayContaining([expect.objectContaining({ field: 'o5' })]) });
  });

  it('refuses a start form that is missing and users without the right to test-run', async () => {
    await expect(sandbox.start(admin, { xml })).resolves.toMatchObject({ tasks: [expect.objectContaining({ form: null })] });
    await expect(sandbox.start(userWith('a', 'distributor-approver'), { xml, forms: [form] })).rejects.toMatchObject({ status: 403 });
  });
});
