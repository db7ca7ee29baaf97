import { readFileSync } from 'node:fs';
import { orchestrationClient, rawRest } from '../support/restClients';
import { fixture, sdkGrpcClient, startTestGateway, type TestGateway } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const file = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/octet-stream' });
/** The form entries of a DeployResource answer (the SDK types a multi-resource answer's entries as unknown). */
type FormMetadata = { formId: string; version: number; formKey: string; resourceName: string; tenantId: string };
const formsOf = (answer: { deployments: unknown[] }) => (answer.deployments as Array<{ form?: FormMetadata }>).flatMap((d) => (d.form ? [d.form] : []));
const json = (name: string) => JSON.parse(readFileSync(fixture(name), 'utf8')) as Record<string, unknown>;

describe('forms deployed with processes and read for their user tasks (official SDK, gRPC and REST)', () => {
  let gateway: TestGateway;
  let zbc: ReturnType<typeof sdkGrpcClient>;
  let camunda: ReturnType<typeof orchestrationClient>;

  beforeAll(async () => {
    gateway = await startTestGateway('sqlite');
    zbc = sdkGrpcClient(gateway);
    camunda = orchestrationClient(gateway);
  });
  afterAll(async () => {
    await zbc.close();
    await gateway.close();
  });

  const taskAt = async (processInstanceKey: string, elementId: string) => {
    const { items } = await camunda.searchUserTasks({ filter: { processInstanceKey: processInstanceKey as never, elementId: elementId as never } }, NOW);
    expect(items).toHaveLength(1);
    return items[0]!;
  };
  // the client reads a form's version as an int64 (bigint)
  const formOf = async (userTaskKey: string) => {
    const form = await camunda.getUserTaskForm({ userTaskKey: userTaskKey as never }, NOW);
    if (!form) throw new Error(`user task ${userTaskKey} has no form`);
    return { ...form, version: Number(form.version) };
  };
  const deployForms = () => zbc.deployResources([
    { processFilename: fixture('g_form.bpmn') },
    { formFilename: fixture('order-review.form') },
    { formFilename: fixture('warranty-claim.form.json') },
  ]);

  it('deploys a Camunda form and one of ours with the process, versions them, and binds each task to the latest version at its creation', async () => {
    const first = await deployForms();
    const forms = formsOf(first);
    expect(forms).toEqual([
      { formId: 'order-review', version: 1, formKey: expect.stringMatching(/^\d+$/), resourceName: fixture('order-review.form'), tenantId: '<default>' },
      { formId: 'warranty-claim', version: 1, formKey: expect.stringMatching(/^\d+$/), resourceName: fixture('warranty-claim.form.json'), tenantId: '<default>' },
    ]);
    const again = await deployForms();
    expect(formsOf(again).map((f) => f.formKey)).toEqual(forms.map((f) => f.formKey));

    const before = (await zbc.createProcessInstance({ bpmnProcessId: 'g_form', variables: {} })).processInstanceKey;
    const changed = { ...json('order-review.form'), components: [{ key: 'approved', label: 'Approved by sales', type: 'checkbox' }] };
    const second = await zbc.deployResource({ name: 'order-review.form', form: Buffer.from(JSON.stringify(changed)) });
    const v2 = second.deployments[0]!.form!;
    expect(v2).toMatchObject({ formId: 'order-review', version: 2 });
    expect(v2.formKey).not.toBe(forms[0]!.formKey);
    const after = (await zbc.createProcessInstance({ bpmnProcessId: 'g_form', variables: {} })).processInstanceKey;

    const old = await taskAt(before, 'review');
    expect(old.formKey).toBe(forms[0]!.formKey);
    expect(await formOf(old.userTaskKey)).toEqual({ formKey: forms[0]!.formKey, formId: 'order-review', version: 1, tenantId: '<default>', schema: json('order-review.form') });
    const current = await taskAt(after, 'review');
    expect(current.formKey).toBe(v2.formKey);
    expect(await formOf(current.userTaskKey)).toMatchObject({ formKey: v2.formKey, version: 2, schema: changed });
  });

  it('reads our JSON-Schema form for the task that links it, and answers 204 for a task whose form is not deployed here', async () => {
    await deployForms();
    const instance = (await zbc.createProcessInstance({ bpmnProcessId: 'g_form', variables: {} })).processInstanceKey;
    await camunda.completeUserTask({ userTaskKey: (await taskAt(instance, 'review')).userTaskKey });
    const claim = await taskAt(instance, 'claim');
    const form = await formOf(claim.userTaskKey);
    expect(form).toMatchObject({ formId: 'warranty-claim', version: 1, schema: json('warranty-claim.form.json') });

    await zbc.deployResource({ processFilename: fixture('g_user.bpmn') });
    const external = (await zbc.createProcessInstance({ bpmnProcessId: 'g_user', variables: {} })).processInstanceKey;
    const task = await taskAt(external, 'approve');
    expect(task.formKey).toBeUndefined();
    expect(task.externalFormReference).toBe('order-approval');
    const answer = await rawRest(gateway, 'GET', `/user-tasks/${task.userTaskKey}/form`);
    expect(answer).toEqual({ status: 204, contentType: null, body: undefined });
    expect((await rawRest(gateway, 'GET', '/user-tasks/123456789/form')).status).toBe(404);
  });

  it('deploys forms over REST, answering their metadata', async () => {
    const answer = await camunda.createDeployment({ resources: [file('order-review.form'), file('warranty-claim.form.json')] });
    expect(answer.deployments.map((d) => d.form)).toEqual([
      expect.objectContaining({ formId: 'order-review', resourceName: 'order-review.form', formKey: expect.stringMatching(/^\d+$/) }),
      expect.objectContaining({ formId: 'warranty-claim', resourceName: 'warranty-claim.form.json', version: 1 }),
    ]);
  });

  it('refuses a form that cannot be read, naming it and the reason, and deploys nothing of that deployment', async () => {
    const refusal = async (resources: Array<{ name: string; form: Buffer }>) => {
      const error = await zbc.deployResources([{ name: 'g_refused.bpmn', process: readFileSync(fixture('g_form.bpmn')) }, ...resources]).then(() => undefined, (e: Error & { code?: number }) => e);
      expect(error?.code).toBe(3); // INVALID_ARGUMENT
      return error!.message;
    };
    expect(await refusal([{ name: 'broken.form', form: Buffer.from('{"id": "broken",') }])).toMatch(/'broken\.form': - ERROR: the form is not JSON/);
    expect(await refusal([{ name: 'anonymous.form', form: Buffer.from('{"components": []}') }])).toMatch(/'anonymous\.form': - ERROR: the form needs its id as a non-empty string in 'id'/);
    expect(await refusal([{ name: 'no-schema.form.json', form: Buffer.from('{"id": "no-schema", "title": {"ru": "Без схемы", "en": "No schema"}}') }])).toMatch(/'no-schema\.form\.json': - ERROR: the form needs its JSON Schema as an object in 'schema'/);
    expect(await refusal([
      { name: 'a.form', form: Buffer.from('{"id": "twin", "components": []}') },
      { name: 'b.form', form: Buffer.from('{"id": "twin", "components": []}') },
    ])).toMatch(/'b\.form': - ERROR: the form id 'twin' is also the id of 'a\.form' in this deployment/);

    const { items } = await camunda.searchProcessDefinitions({ filter: { resourceName: 'g_refused.bpmn' } }, NOW);
    expect(items).toEqual([]);
    for (const formId of ['broken', 'no-schema', 'twin']) await expect(gateway.engine.getForm({ formId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two deployments of one new form at once give it one version', async () => {
    const form = Buffer.from(JSON.stringify({ id: 'dealer-visit', components: [{ key: 'notes', label: 'Notes', type: 'textarea' }] }));
    const answers = await Promise.all([1, 2].map(() => zbc.deployResource({ name: 'dealer-visit.form', form })));
    const deployed = answers.map((a) => a.deployments[0]!.form!);
    expect(deployed.map((f) => f.version)).toEqual([1, 1]);
    expect(deployed[0]!.formKey).toBe(deployed[1]!.formKey);
  });

  it('links the form of a start event: the definition says it has one, and reads its latest version', async () => {
    await zbc.deployResources([{ processFilename: fixture('g_start_form.bpmn') }, { processFilename: fixture('g_form.bpmn') }, { formFilename: fixture('order-review.form') }]);
    const { items } = await camunda.searchProcessDefinitions({ filter: { isLatestVersion: true } }, NOW);
    const definition = (id: string) => items!.find((p) => p.processDefinitionId === id)!;
    expect(Object.fromEntries(['g_start_linked', 'g_start_embedded', 'g_start_missing', 'g_form'].map((id) => [id, definition(id).hasStartForm])))
      .toEqual({ g_start_linked: true, g_start_embedded: true, g_start_missing: true, g_form: false });
    const linked = definition('g_start_linked').processDefinitionKey!;
    expect(await camunda.getProcessDefinition({ processDefinitionKey: linked }, NOW)).toMatchObject({ hasStartForm: true });

    const changed = { ...json('order-review.form'), components: [{ key: 'quantity', label: 'Quantity', type: 'number' }] };
    const latest = (await zbc.deployResource({ name: 'order-review.form', form: Buffer.from(JSON.stringify(changed)) })).deployments[0]!.form!;
    const form = await camunda.getStartProcessForm({ processDefinitionKey: linked }, NOW);
    expect({ ...form, version: Number(form?.version) }).toEqual({ formKey: latest.formKey, formId: 'order-review', version: latest.version, tenantId: '<default>', schema: changed });
  });

  it('answers 204 for a start form embedded in the model or none, and 404 for an unknown process or a linked form never deployed', async () => {
    await zbc.deployResources([{ processFilename: fixture('g_start_form.bpmn') }, { processFilename: fixture('g_form.bpmn') }]);
    const { items } = await camunda.searchProcessDefinitions({ filter: { isLatestVersion: true } }, NOW);
    const formOfStart = (id: string) => rawRest(gateway, 'GET', `/process-definitions/${items!.find((p) => p.processDefinitionId === id)!.processDefinitionKey}/form`);
    expect(await formOfStart('g_start_embedded')).toEqual({ status: 204, contentType: null, body: undefined });
    expect(await formOfStart('g_form')).toEqual({ status: 204, contentType: null, body: undefined });
    expect(await formOfStart('g_start_missing')).toMatchObject({ status: 404, body: { detail: expect.stringContaining("Form with id 'never-deployed' not found") } });
    expect(await rawRest(gateway, 'GET', '/process-definitions/2251799813999999/form')).toMatchObject({ status: 404, body: { detail: expect.stringContaining("Process definition with key '2251799813999999' not found") } });
  });

  it('keeps forms out of the process definitions', async () => {
    const deployment = await zbc.deployResource({ formFilename: fixture('order-review.form') });
    const formKey = deployment.deployments[0]!.form!.formKey;
    expect((await rawRest(gateway, 'GET', `/process-definitions/${formKey}`)).status).toBe(404);
    const { items } = await camunda.searchProcessDefinitions({}, NOW);
    expect(items!.map((p) => p.processDefinitionId)).not.toContain('form:order-review');
    await expect(zbc.createProcessInstance({ bpmnProcessId: 'form:order-review', variables: {} })).rejects.toThrow(/NOT_FOUND|not found/i);
  });
});
