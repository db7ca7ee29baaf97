import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES } from '../conformance';
import { EmbeddedEngine, InvalidModelError, MemoryStore, NotFoundError } from '../src';

const wrap = (body: string, executable = 'true') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="d" targetNamespace="t">
  <bpmn:process id="bad" isExecutable="${executable}">${body}</bpmn:process>
</bpmn:definitions>`;

const cases: Array<[string, string, string]> = [
  ['a sequence flow with a missing target', wrap('<bpmn:startEvent id="start" /><bpmn:sequenceFlow id="toNowhere" sourceRef="start" targetRef="ghost" />'), 'toNowhere'],
  ['a service task without a job type', wrap('<bpmn:startEvent id="start" /><bpmn:serviceTask id="work" /><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="work" />'), 'work'],
  ['a job type expression that is not FEEL', wrap('<bpmn:startEvent id="start" /><bpmn:serviceTask id="work"><bpmn:extensionElements><zeebe:taskDefinition type="= &quot;a&quot; +" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="work" />'), 'work'],
  ['an invalid FEEL condition', wrap('<bpmn:startEvent id="start" /><bpmn:exclusiveGateway id="gw" /><bpmn:endEvent id="e" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw" /><bpmn:sequenceFlow id="cond" sourceRef="gw" targetRef="e"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=amount &gt;</bpmn:conditionExpression></bpmn:sequenceFlow>'), 'cond'],
  ['a non-executable process', wrap('<bpmn:startEvent id="start" />', 'false'), 'bad'],
  ['a call activity bound to the version of its own deployment', wrap('<bpmn:startEvent id="start" /><bpmn:callActivity id="callIt"><bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="deployment" /></bpmn:extensionElements></bpmn:callActivity><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="callIt" />'), "callIt: binding type 'deployment' of zeebe:CalledElement is not supported"],
  ['a business rule task bound by version tag', wrap('<bpmn:startEvent id="start" /><bpmn:businessRuleTask id="decide"><bpmn:extensionElements><zeebe:calledDecision decisionId="d" resultVariable="r" bindingType="versionTag" versionTag="v1" /></bpmn:extensionElements></bpmn:businessRuleTask><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="decide" />'), "binding type 'versionTag' of zeebe:CalledDecision"],
  ['a user task form bound to its deployment', wrap('<bpmn:startEvent id="start" /><bpmn:userTask id="fill"><bpmn:extensionElements><zeebe:userTask /><zeebe:formDefinition formId="f" bindingType="deployment" /></bpmn:extensionElements></bpmn:userTask><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="fill" />'), "binding type 'deployment' of zeebe:FormDefinition"],
  ['malformed XML', '<bpmn:definitions><bpmn:process id="bad"', 'malformed XML'],
];

describe('deploying a bad model', () => {
  it.each(cases)('rejects %s naming the element, and deploys nothing', async (_name, xml, named) => {
    // given an engine and a good resource deployed alongside the bad one
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const good = { name: 'good.bpmn', content: readFileSync(join(FIXTURES, 'c_user_task.bpmn'), 'utf8') };
    // when both are deployed together
    const result = engine.deploy([good, { name: 'bad.bpmn', content: xml }]);
    // then the deployment fails with the element named
    await expect(result).rejects.toBeInstanceOf(InvalidModelError);
    await expect(result).rejects.toThrow(named);
    // and nothing of it was stored
    await expect(engine.createInstance('c_user_task')).rejects.toBeInstanceOf(NotFoundError);
    await expect(engine.createInstance('bad')).rejects.toBeInstanceOf(NotFoundError);
    await engine.close();
  });

  it("accepts the binding type 'latest' when it is written out", async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const xml = wrap('<bpmn:startEvent id="start" /><bpmn:callActivity id="callIt"><bpmn:extensionElements><zeebe:calledElement processId="child" bindingType="latest" /></bpmn:extensionElements></bpmn:callActivity><bpmn:sequenceFlow id="f" sourceRef="start" targetRef="callIt" />');
    expect((await engine.deploy([{ name: 'latest.bpmn', content: xml }])).processes.map((p) => p.bpmnProcessId)).toEqual(['bad']);
    await engine.close();
  });

  it('lists every problem with its element in the error details', async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    const xml = wrap('<bpmn:startEvent id="start" /><bpmn:serviceTask id="w1" /><bpmn:serviceTask id="w2" /><bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="w1" /><bpmn:sequenceFlow id="f2" sourceRef="w1" targetRef="w2" />');
    const error = await engine.deploy([{ name: 'bad.bpmn', content: xml }]).catch((e: unknown) => e);
    expect((error as InvalidModelError).problems.map((p) => p.elementId)).toEqual(['w1', 'w2']);
    await engine.close();
  });
});
