import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apiAs } from './support/apiAs';
import { browserSuite } from './support/browserSuite';

const suite = browserSuite('webhooks', { env: { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_TICK_MS: '300', WEBHOOK_RETRY_MS: '1000' } });

/** A receiver on 127.0.0.1 that fails its first request and accepts the rest. */
const received: { headers: IncomingHttpHeaders; body: string }[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
    res.writeHead(received.length === 1 ? 503 : 200).end(received.length === 1 ? 'busy' : 'ok');
  });
});
beforeAll(() => new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve)));
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

const claim = {
  vin: 'XW8AN2NE3PH000177', mileage: 31000, repairDate: '2026-11-26', defectCode: 'B1701', defectDescription: 'Не работает обогрев заднего стекла',
  parts: [{ partNumber: 'P-B1701', name: 'Нить обогрева', quantity: 1, price: 64200 }], labourHours: 2,
};

test('an admin subscribes a receiver, sees the secret once, watches a failed and a retried delivery in the log, and redelivers it', async () => {
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dealerflow/hooks`;
  // given the admin on the webhooks page, reached from the navigation
  const page = await suite.signedIn('admin');
  await page.getByRole('navigation').getByRole('link', { name: 'Вебхуки' }).click();
  await page.getByRole('heading', { name: 'Вебхуки', level: 1 }).waitFor();
  await page.getByText('Подписок пока нет.').waitFor();

  // a metadata address is refused in words, and nothing is saved
  await page.getByLabel('Адрес получателя (URL)').fill('http://169.254.169.254/latest/meta-data/');
  await page.getByRole('button', { name: 'Создать подписку' }).click();
  await page.getByText('Этот адрес ведёт во внутреннюю сеть или к служебному адресу облака — туда вебхуки не отправляются.').waitFor();
  await suite.shot(page, 'refused-address');

  // when they subscribe the receiver to new tasks of warranty claims
  await page.getByLabel('Адрес получателя (URL)').fill(url);
  await page.getByLabel('Задача выполнена').check();
  await page.getByLabel('Только процесс (идентификатор BPMN)').fill('warranty-claim');
  await page.getByRole('button', { name: 'Создать подписку' }).click();

  // then the signing secret is shown this once
  await page.getByRole('heading', { name: 'Секрет подписи' }).waitFor();
  const secret = (await page.getByTestId('webhook-secret-value').textContent()) ?? '';
  expect(secret).toMatch(/^whsec_/);
  await suite.shot(page, 'secret-once');
  await page.getByRole('button', { name: 'Готово' }).click();
  const row = page.locator(`tr[data-webhook="${url}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain('Создана задача, Задача выполнена');
  expect(await row.textContent()).toContain('Процесс warranty-claim');
  expect(await page.content()).not.toContain(secret);

  // when a dealer files a warranty claim (a task for the approvers)
  const dealer = await apiAs(suite.server.url, 'dealer1.staff');
  const started = await dealer<{ instanceKey: string }>('POST', '/api/process-instances', { bpmnProcessId: 'warranty-claim', variables: claim });
  expect(started.status).toBe(201);

  // then the receiver gets it signed, after one refused try, and the log shows both attempts
  const deadline = Date.now() + 20_000;
  while (received.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  expect(received).toHaveLength(2);
  const [first, second] = received;
  expect(second.body).toBe(first.body);
  const { t, v1 } = Object.fromEntries(String(second.headers['dealerflow-signature']).split(',').map((kv) => kv.split('='))) as { t: string; v1: string };
  expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${second.body}`).digest('hex'));
  expect(JSON.parse(second.body)).toMatchObject({ type: 'task.created', data: { processInstanceKey: started.body.instanceKey, processId: 'warranty-claim', dealerId: 'dealer1' } });

  await row.getByRole('button', { name: 'Журнал доставок' }).click();
  const log = page.getByTestId('delivery-log');
  await log.getByRole('cell', { name: /Создана задача/ }).waitFor();
  await log.getByTestId('delivery-status').getByText('Доставлено').waitFor();
  expect(await log.getByTestId('delivery-attempts').textContent()).toMatch(/Ошибка получателя \(HTTP 503\).*Принято \(HTTP 200\)/);
  await suite.shot(page, 'delivery-log', { fullPage: true });

  // when they send it again
  await log.getByRole('button', { name: 'Отправить снова' }).click();
  await log.getByText('Доставка поставлена в очередь и скоро будет отправлена.').waitFor();
  while (received.length < 3 && Date.now() < deadline + 10_000) await new Promise((resolve) => setTimeout(resolve, 200));

  // then the receiver gets the same event once more, and the log shows the third attempt
  expect(received).toHaveLength(3);
  expect(JSON.parse(received[2].body).id).toBe(JSON.parse(first.body).id);
  await log.getByRole('button', { name: 'Обновить' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="delivery-attempts"] li').length === 3);
  await suite.shot(page, 'redelivered', { fullPage: true });

  // and disabling it shows who did it
  await row.getByRole('button', { name: 'Отключить' }).click();
  await row.getByTestId('webhook-state').getByText(/Отключена: (?!admin)/).waitFor();
  await suite.shot(page, 'disabled');
  await page.context().close();
}, 120_000);
