import { largeProcess } from '../support/largeProcess';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

/** Far above the 64 KB a MySQL TEXT column holds. */
const KB = 1024;

describe.each(testDatabases())('values larger than 64 KB on %s', (kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
  }, 120_000);
  afterAll(() => server.stop());

  it('keeps every text column wide enough on MySQL', async () => {
    if (kind === 'sqlite') return;
    const narrow: { t: string; c: string }[] = await server.running.dataSource.query(
      `SELECT TABLE_NAME AS t, COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN ('tinytext', 'text', 'mediumtext')`,
    );
    expect(narrow).toEqual([]);
  });

  it('deploys a 300 KB model, runs an instance with 200 KB of variables, and reads both back whole', async () => {
    // given a 300 KB model with the form its tasks link
    const admin = await server.as('admin');
    const xml = largeProcess('large-values', 300);
    const form = { id: 'large-review', title: { ru: 'Проверка', en: 'Review' }, schema: { type: 'object', properties: { note: { type: 'string' } } } };
    const deployed = await admin.post('/api/deployments').send({ resources: [{ name: 'large-values.bpmn', content: xml }, { name: 'large-review.form.json', content: JSON.stringify(form) }] });
    expect(deployed.status).toBe(201);

    // when an instance starts with a 200 KB note
    const note = 'Осмотр: '.repeat((200 * KB) / 16);
    const engine = server.running.services.engine;
    const { processInstanceKey } = await engine.createInstance('large-values', { claim: { amount: 10, mileage: 500 }, note });

    // then the version's model and the waiting task's variables come back unchanged
    const version = await admin.get('/api/processes/large-values/versions/1').expect(200);
    expect(version.body.xml).toBe(xml);
    const [task] = await engine.searchUserTasks({ processInstanceKey });
    expect(task.variables.note).toBe(note);
    expect(task.elementId).toBe('Review_1');
  }, 120_000);

  it('saves a 300 KB designer draft and opens it again', async () => {
    const admin = await server.as('admin');
    const xml = largeProcess('large-draft', 300);
    const saved = await admin.put('/api/designer/drafts/large-draft').send({ xml, forms: [], revision: 0 });
    expect(saved.body).toEqual(expect.objectContaining({ revision: 1 }));
    const draft = await admin.get('/api/designer/drafts/large-draft').expect(200);
    expect(draft.body.xml).toBe(xml);
  });
});
