import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../../conformance';
import { EmbeddedEngine, InvalidModelError, MemoryStore, NotFoundError } from '../../src';
import { table } from './tables';

const fixture = (name: string) => ({ name, content: readFileSync(join(FIXTURES, name), 'utf8') });

describe('a business rule task on the embedded engine', () => {
  let engine: EmbeddedEngine;
  beforeEach(() => {
    engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
  });
  afterEach(() => engine.close());

  it('deploys decisions with versions; an unchanged resource keeps its version', async () => {
    const first = await engine.deploy([fixture('c_rules.dmn'), fixture('c_business_rule.bpmn')]);
    expect(first.decisions?.map((d) => [d.decisionId, d.version])).toEqual([['lead_score', 1], ['lead_routing', 1], ['discount_total', 1], ['tier_unique', 1]]);
    const again = await engine.deploy([fixture('c_rules.dmn')]);
    expect(again.decisions?.map((d) => d.decisionKey)).toEqual(first.decisions?.map((d) => d.decisionKey));
  });

  it('a failing decision waits in an incident; a fixed version deployed and the incident resolved, the instance goes on', async () => {
    // given a UNIQUE table where 100 matches two rules
    const broken = table({ rules: [[['<= 100'], ['"low"']], [['>= 100'], ['"high"']]] });
    await engine.deploy([{ name: 'tier.dmn', content: broken }, fixture('c_business_rule.bpmn')]);
    const { processInstanceKey } = await engine.createInstance('c_business_rule', { decision: 'd', amount: 100 });
    const stuck = await engine.getInstance(processInstanceKey);
    expect(stuck.incidents.map((i) => [i.type, i.elementId])).toEqual([['DECISION_EVALUATION_ERROR', 'route']]);
    expect(stuck.incidents[0].message).toMatch(/hit policy UNIQUE, but rules r0, r1 matched/);
    // when the table is fixed as version 2 and the incident resolved
    await engine.deploy([{ name: 'tier.dmn', content: table({ rules: [[['< 100'], ['"low"']], [['>= 100'], ['"high"']]] }) }]);
    await engine.resolveIncident(stuck.incidents[0].key);
    // then the instance evaluates version 2 and completes
    const done = await engine.getInstance(processInstanceKey);
    expect(done.state).toBe('COMPLETED');
    expect(done.variables.result).toBe('high');
  });

  it('a bad DMN resource fails the whole deployment, and a decision id is no process', async () => {
    const bad = { name: 'bad.dmn', content: table({ rules: [[['> 1'], ['"a" +']]] }) };
    await expect(engine.deploy([bad, fixture('c_business_rule.bpmn')])).rejects.toBeInstanceOf(InvalidModelError);
    await expect(engine.createInstance('c_business_rule')).rejects.toBeInstanceOf(NotFoundError);
    await engine.deploy([fixture('c_rules.dmn')]);
    await expect(engine.createInstance('dmn:lead_routing')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('a business rule task runs a chained decision drawn in Camunda Modeler and stores dates as ISO text', async () => {
    const dmn = (name: string) => ({ name, content: readFileSync(join(__dirname, 'fixtures', name), 'utf8') });
    await engine.deploy([dmn('credit-limit.dmn'), dmn('lead-sla.dmn'), fixture('c_business_rule.bpmn')]);
    const chained = await engine.createInstance('c_business_rule', { decision: 'Decision_13j8v2p', rating: 4.7 });
    expect((await engine.getInstance(chained.processInstanceKey)).variables.result).toBe(5000000);
    const dated = await engine.createInstance('c_business_rule', { decision: 'overdraft_state', overdraftExpiry: '2024-06-10T12:00:00', asOf: '2024-06-01T00:00:00' });
    expect((await engine.getInstance(dated.processInstanceKey)).variables.result).toEqual({ state: 'open', remindOn: '2024-06-07' });
  });
});
