import { IncidentRecord } from '../../src/instances/IncidentRecord';
import { ProcessDefinition } from '../../src/processes/ProcessDefinition';
import { flakyProcess } from '../instances/flakyProcess';
import { eventually } from '../support/eventually';
import { testDatabases } from '../support/testDatabases';
import { startTestServer, type TestServer } from '../support/testServer';

interface Row { key: string; state: string; openIncidents: number }

describe.each(testDatabases())('retrying incidents through the API on %s', (_kind, database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database());
    const deployed = await server.running.services.engine.deploy([flakyProcess]);
    await server.running.dataSource.getRepository(ProcessDefinition).insert({ key: deployed.processes[0].processDefinitionKey, bpmnProcessId: 'instances-flaky', version: 1, name: 'Flaky', startFormId: null, resourceName: flakyProcess.name, deployedAt: new Date(), deployedBy: 'test' });
  });
  afterAll(() => server.stop());

  const row = async (key: string) => ((await (await server.as('admin')).get('/api/process-instances?processId=instances-flaky')).body.items as Row[]).find((i) => i.key === key);

  it('retries an incident of a BPMN error no boundary catches: the job runs again and the case goes on', async () => {
    // given a job whose plugin throws a BPMN error the model does not catch (as the credit note did)
    const engine = server.running.services.engine;
    let attempts = 0;
    const worker = engine.createWorker('instances-flaky', async (_job, act) => (++attempts === 1 ? act.error({ errorCode: 'CREDIT_NOTE_REJECTED', errorMessage: 'the ledger refused the credit note' }) : act.complete({ registered: true })));
    try {
      const { processInstanceKey } = await engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'UNHANDLED-1' });
      const incident = await eventually(async () => {
        const [open] = (await (await server.as('admin')).get(`/api/process-instances/${processInstanceKey}`)).body.incidents as Array<{ key: string; type: string }>;
        if (!open) throw new Error('no incident yet');
        return open;
      });
      expect(incident.type).toBe('UNHANDLED_ERROR_EVENT');
      expect((await row(processInstanceKey))?.openIncidents).toBe(1);

      // when the process admin retries it
      const response = await (await server.as('admin')).post(`/api/incidents/${incident.key}/retry`).send({ retries: 1 });

      // then the retry is accepted, the job runs again and the case completes with no open incident
      expect(response.status).toBe(204);
      const ended = await eventually(async () => {
        const found = await row(processInstanceKey);
        if (found?.state !== 'completed') throw new Error('not completed yet');
        return found;
      });
      expect(ended.openIncidents).toBe(0);
      expect(attempts).toBe(2);
    } finally {
      await worker.close();
    }
  });

  it('stops listing as open an incident the engine no longer has, and answers 409', async () => {
    // given an incident recorded open for a case the engine holds no incident of
    const engine = server.running.services.engine;
    const worker = engine.createWorker('instances-flaky', async (_job, act) => act.complete({}));
    try {
      const { processInstanceKey } = await engine.createInstance('instances-flaky', { dealerId: 'dealer1', caseRef: 'GONE-1' });
      await eventually(async () => expect((await row(processInstanceKey))?.state).toBe('completed'));
      const incidents = server.running.dataSource.getRepository(IncidentRecord);
      await incidents.insert({ key: '424242424242', processInstanceKey, elementId: 'CallRegistry', type: 'UNHANDLED_ERROR_EVENT', message: 'lost', jobKey: '434343434343', createdAt: new Date(), resolvedAt: null, retryClaimedAt: null });

      // when it is retried
      const response = await (await server.as('admin')).post('/api/incidents/424242424242/retry').send({ retries: 1 });

      // then the answer is 409 and the incident is no longer open
      expect(response.status).toBe(409);
      expect((await incidents.findOneByOrFail({ key: '424242424242' })).resolvedAt).not.toBeNull();
    } finally {
      await worker.close();
    }
  });
});
