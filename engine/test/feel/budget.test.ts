import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { FIXTURES } from '../../conformance';
import { EmbeddedEngine, InvalidModelError, TypeOrmStore } from '../../src';
import { FEEL_BUDGET } from '../../src/embedded/feel/budget';
import { compileExpression, FeelBudgetError } from '../../src/embedded/feel/Expression';
import { openDataSource, sqliteDatabase, type TestDatabase } from '../support/testDataSources';

const HUGE = 'count(for i in 1..10000000 return i)';

const process = (id: string, body: string) => ({ name: `${id}.bpmn`, content: `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d_${id}" targetNamespace="t">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>` });

const scriptProcess = process('feel_budget_script', `
    <bpmn:startEvent id="start" />
    <bpmn:scriptTask id="Calc"><bpmn:extensionElements><zeebe:script expression="=${HUGE}" resultVariable="n" /></bpmn:extensionElements></bpmn:scriptTask>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="Calc" />
    <bpmn:sequenceFlow id="f2" sourceRef="Calc" targetRef="end" />`);

const sizeDecision = (text: string) => ({ name: 'size.dmn', content: `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_size" name="Size" namespace="t">
  <decision id="fleet_size" name="Fleet size"><literalExpression id="fleet_size_expr"><text>${text}</text></literalExpression></decision>
</definitions>` });

describe('the FEEL work budget', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let engine: EmbeddedEngine;

  beforeAll(async () => {
    db = await sqliteDatabase();
    dataSource = await openDataSource(db);
    engine = new EmbeddedEngine({ store: new TypeOrmStore(dataSource), pollInterval: 0 });
  });

  afterAll(async () => {
    await engine.close();
    await db.drop();
  });

  it('stops an expression that iterates more than the budget, and lets one within it run', () => {
    expect(() => compileExpression(`=${HUGE}`).evaluate({})).toThrow(FeelBudgetError);
    expect(() => compileExpression('=for i in 1..2.5 return i').evaluate({})).toThrow(`expression too expensive: more than ${FEEL_BUDGET.iterations} iterations`);
    expect(() => compileExpression('=some x in 1..n satisfies x < 0').evaluate({ n: 10_000_000 })).toThrow(FeelBudgetError);
    expect(() => compileExpression('=count(for i in 1..300, j in 1..300 return i)').evaluate({})).toThrow(FeelBudgetError);
    expect(compileExpression('=count(for i in 1..1000 return i)').evaluate({})).toBe(1000);
    expect(compileExpression('=sum(for p in parts return p.price)').evaluate({ parts: Array.from({ length: 2000 }, () => ({ price: 1 })) })).toBe(2000);
  });

  it('raises a clear incident on a script task over budget; the instance stays active and its retry evaluates again', async () => {
    // given a script task that counts ten million numbers
    await engine.deploy([scriptProcess]);
    // when an instance runs it
    const { processInstanceKey } = await engine.createInstance('feel_budget_script');
    // then the instance stops at the task with an incident that says why and where
    const stuck = await engine.getInstance(processInstanceKey);
    expect(stuck.state).toBe('ACTIVE');
    expect(stuck.incidents).toEqual([expect.objectContaining({ type: 'EXTRACT_VALUE_ERROR', elementId: 'Calc', message: `expression too expensive: more than ${FEEL_BUDGET.iterations} iterations in element Calc (=${HUGE})` })]);
    // and a retry is accepted and evaluates again (the model is unchanged, so the incident comes back)
    await engine.resolveIncident(stuck.incidents[0].key);
    const again = await engine.getInstance(processInstanceKey);
    expect(again.incidents).toEqual([expect.objectContaining({ type: 'EXTRACT_VALUE_ERROR', elementId: 'Calc' })]);
    expect(again.incidents[0].key).not.toBe(stuck.incidents[0].key);
  });

  it('recovers an instance whose decision was over budget once a fixed decision is deployed and the incident retried', async () => {
    // given a business rule task whose decision counts ten million numbers
    await engine.deploy([{ name: 'c_business_rule.bpmn', content: readFileSync(join(FIXTURES, 'c_business_rule.bpmn'), 'utf8') }, sizeDecision(HUGE)]);
    const { processInstanceKey } = await engine.createInstance('c_business_rule', { decision: 'fleet_size' });
    const [incident] = (await engine.getInstance(processInstanceKey)).incidents;
    expect(incident).toMatchObject({ type: 'DECISION_EVALUATION_ERROR', elementId: 'route', message: expect.stringContaining('expression too expensive') });
    // when the decision is fixed and the incident retried
    await engine.deploy([sizeDecision('count(for i in 1..10 return i)')]);
    await engine.resolveIncident(incident.key);
    // then the instance goes on with the fixed decision's result
    const done = await engine.getInstance(processInstanceKey);
    expect(done.incidents).toEqual([]);
    expect(done.state).toBe('COMPLETED');
    expect(done.variables.result).toBe(10);
  });

  it('rejects at deployment a start event whose expression is over budget, naming the element', async () => {
    const timerStart = process('feel_budget_timer', `
    <bpmn:startEvent id="Every"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">="R" + string(${HUGE}) + "/PT1H"</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:endEvent id="end" />
    <bpmn:sequenceFlow id="f1" sourceRef="Every" targetRef="end" />`);
    const error = await engine.deploy([timerStart]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidModelError);
    expect((error as InvalidModelError).problems).toEqual([expect.objectContaining({ elementId: 'Every', message: expect.stringContaining('expression too expensive: more than') })]);
  });
});
