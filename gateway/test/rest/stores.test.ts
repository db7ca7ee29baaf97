import { readFileSync } from 'node:fs';
import { orchestrationClient } from '../support/restClients';
import { fixture, startTestGateway, testStores, uniqueType } from '../support/testGateway';

const NOW = { consistency: { waitUpToMs: 0 } };
const bpmnFile = (name: string) => new File([readFileSync(fixture(name))], name, { type: 'application/xml' });

describe.each(testStores)('REST /v2 searches on the %s store', (store) => {
  it('finds instances by state and process, and lists the deployed definitions', async () => {
    const gateway = await startTestGateway(store);
    const camunda = orchestrationClient(gateway);
    try {
      await camunda.createDeployment({ resources: [bpmnFile('g_task.bpmn'), bpmnFile('g_user.bpmn'), bpmnFile('g_rules.dmn')] });
      const jobType = uniqueType('stores');
      const a = (await camunda.createProcessInstance({ processDefinitionId: 'g_task' as never, variables: { jobType } })).processInstanceKey;
      const b = (await camunda.createProcessInstance({ processDefinitionId: 'g_user' as never })).processInstanceKey;
      await camunda.cancelProcessInstance({ processInstanceKey: b });

      const active = await camunda.searchProcessInstances({ filter: { state: 'ACTIVE' } }, NOW);
      expect(active.items.map((i) => i.processInstanceKey)).toEqual([a]);
      const terminated = await camunda.searchProcessInstances({ filter: { processDefinitionId: 'g_user', state: 'TERMINATED' } }, NOW);
      expect(terminated.items.map((i) => i.processInstanceKey)).toEqual([b]);

      const definitions = await camunda.searchProcessDefinitions({}, NOW);
      expect(definitions.items!.map((d) => d.processDefinitionId).sort()).toEqual(['g_task', 'g_user']);
      expect((await camunda.searchDecisionDefinitions({}, NOW)).items!.length).toBeGreaterThan(0);
    } finally {
      camunda.stopAllWorkers();
      await gateway.close();
    }
  });
});
