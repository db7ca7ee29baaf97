import { EmbeddedEngine, MemoryStore } from '../src';
import { historyKey, storedHistoryKey } from '../src/embedded/store/EngineStore';

const LOOP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="x">
  <bpmn:process id="ei_multi" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:userTask id="sign" name="Sign"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements>
      <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=signers" inputElement="signer" /></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sign" />
  </bpmn:process>
</bpmn:definitions>`;

describe('element instance keys', () => {
  it('are kept short in the history and read back exactly, also far from the instance key', () => {
    const rec = { key: '1764640000000000001' };
    expect(storedHistoryKey(rec, '1764640000000000042')).toBe(41);
    expect(historyKey(rec, 41)).toBe('1764640000000000042');
    // a key from before the instance (another engine run) or too far away stays a string
    expect(storedHistoryKey(rec, '1000')).toBe('1000');
    expect(historyKey(rec, '1000')).toBe('1000');
    expect(historyKey(rec, undefined)).toBeUndefined();
  });

  it('give a multi-instance body and each inner instance their own key and type; a cancel terminates them all', async () => {
    const engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
    try {
      await engine.deploy([{ name: 'ei_multi.bpmn', content: LOOP }]);
      const { processInstanceKey } = await engine.createInstance('ei_multi', { signers: ['dealer', 'distributor'] });
      const live = await engine.searchElementInstances({ processInstanceKey });
      expect(live.map((e) => [e.elementId, e.elementType, e.state])).toEqual([
        ['start', 'StartEvent', 'COMPLETED'], ['sign', 'MultiInstanceBody', 'ACTIVE'], ['sign', 'UserTask', 'ACTIVE'], ['sign', 'UserTask', 'ACTIVE'],
      ]);
      expect(new Set(live.map((e) => e.elementInstanceKey)).size).toBe(4);
      expect(live.every((e) => BigInt(e.elementInstanceKey) > BigInt(processInstanceKey))).toBe(true);

      await engine.cancelInstance(processInstanceKey);
      const ended = await engine.searchElementInstances({ processInstanceKey });
      expect(ended.filter((e) => e.elementId === 'sign').map((e) => e.state)).toEqual(['TERMINATED', 'TERMINATED', 'TERMINATED']);
      expect(ended.every((e) => e.endedAt !== undefined)).toBe(true);
      const [one] = await engine.searchElementInstances({ elementInstanceKey: live[2]!.elementInstanceKey });
      expect(one).toMatchObject({ elementId: 'sign', state: 'TERMINATED', processInstanceKey });
    } finally {
      await engine.close();
    }
  });
});
