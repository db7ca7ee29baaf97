import { EmbeddedEngine, MemoryStore } from '../src';

const NESTED = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
  <bpmn:signal id="sig_halt" name="halt-line" />
  <bpmn:process id="es_nested" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:subProcess id="inner">
      <bpmn:startEvent id="innerStart" />
      <bpmn:userTask id="assemble"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
      <bpmn:endEvent id="innerEnd" />
      <bpmn:sequenceFlow id="i1" sourceRef="innerStart" targetRef="assemble" />
      <bpmn:sequenceFlow id="i2" sourceRef="assemble" targetRef="innerEnd" />
      <bpmn:subProcess id="onHalt" triggeredByEvent="true">
        <bpmn:startEvent id="halted"><bpmn:signalEventDefinition signalRef="sig_halt" /></bpmn:startEvent>
        <bpmn:userTask id="inspect"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
        <bpmn:sequenceFlow id="h1" sourceRef="halted" targetRef="inspect" />
      </bpmn:subProcess>
    </bpmn:subProcess>
    <bpmn:userTask id="ship"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="inner" />
    <bpmn:sequenceFlow id="f2" sourceRef="inner" targetRef="ship" />
  </bpmn:process>
</bpmn:definitions>`;

describe('event subprocesses inside an embedded subprocess', () => {
  let engine: EmbeddedEngine;
  beforeEach(async () => {
    engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    await engine.deploy([{ name: 'es_nested.bpmn', content: NESTED }]);
  });
  afterEach(() => engine.close());

  const openTasks = async (key: string) => (await engine.searchUserTasks({ processInstanceKey: key })).map((t) => t.elementId);

  it('interrupt only their own scope, and the flow goes on after the subprocess once the event subprocess is done', async () => {
    const { processInstanceKey } = await engine.createInstance('es_nested', {});
    expect(await openTasks(processInstanceKey)).toEqual(['assemble']);
    await engine.broadcastSignal('halt-line', { line: 3 });
    expect(await openTasks(processInstanceKey)).toEqual(['inspect']);
    const [inspect] = await engine.searchUserTasks({ processInstanceKey });
    await engine.completeUserTask(inspect!.key, {});
    expect(await openTasks(processInstanceKey)).toEqual(['ship']);
    // the subprocess ended, and its subscription with it
    await engine.broadcastSignal('halt-line', {});
    expect(await openTasks(processInstanceKey)).toEqual(['ship']);
  });

  it('cannot be entered by a modification', async () => {
    const { processInstanceKey } = await engine.createInstance('es_nested', {});
    await expect(engine.modifyInstance(processInstanceKey, { activate: [{ elementId: 'inspect' }], terminate: [] }))
      .rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining("inside the event subprocess 'onHalt' is not supported") });
  });

  it('refuses an event subprocess whose start event has no trigger, naming it', async () => {
    const broken = NESTED.replace('<bpmn:startEvent id="halted"><bpmn:signalEventDefinition signalRef="sig_halt" /></bpmn:startEvent>', '<bpmn:startEvent id="halted" />').replace('es_nested', 'es_broken');
    await expect(engine.deploy([{ name: 'es_broken.bpmn', content: broken }])).rejects.toMatchObject({ code: 'INVALID_MODEL', message: expect.stringContaining('halted: the start event of an event subprocess needs a timer, message, error or signal definition') });
  });
});
