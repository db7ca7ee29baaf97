import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('worker-waits');

const model = readFileSync(join(__dirname, '..', '..', '..', 'server', 'test', 'fixtures', 'camunda-models', 'unknown-job-type.bpmn'), 'utf8');

test('an admin deploys a model whose job a customer\'s own worker serves, and the instance shows it waiting for that worker, not an incident', async () => {
  const page = await suite.signedIn('admin');
  const deployed = await page.request.post(suite.server.url + '/api/deployments', { data: { resources: [{ name: 'unknown-job-type.bpmn', content: model }] } });
  expect(deployed.status()).toBe(201);
  const started = await page.request.post(suite.server.url + '/api/process-instances', { data: { bpmnProcessId: 'cm-unknown-job-type', variables: {}, dealerId: 'dealer1' } });
  expect(started.status()).toBe(201);
  const { instanceKey, caseRef } = (await started.json()) as { instanceKey: string; caseRef: string };

  await page.goto(`${suite.server.url}/instances/${instanceKey}`);
  await page.getByRole('heading', { name: `Экземпляр ${caseRef}` }).waitFor();
  const waits = page.getByTestId('worker-waits');
  await waits.getByRole('heading', { name: 'Ждут внешнего исполнителя' }).waitFor();
  const row = waits.locator('[data-element="SyncErp"]');
  expect(await row.getAttribute('data-job-type')).toBe('customer-erp-sync');
  expect(await row.textContent()).toContain('Задание типа «customer-erp-sync» ждёт исполнителя');
  expect(await page.getByTestId('incident-list').count()).toBe(0);
  // The model has no diagram interchange: the view lays one out, with the token on the waiting task.
  await page.locator('[data-testid="instance-diagram"][data-ready="true"]').waitFor();
  await page.locator('.djs-element[data-element-id="SyncErp"]').first().waitFor();
  await suite.shot(page, 'instance-ru', { fullPage: true });
});
