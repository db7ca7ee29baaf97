import { keyed, type EngineEvent, type ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import { ProcessInstanceRecord } from '../../instances/ProcessInstanceRecord';
import { actingAs } from '../actorContext';

/**
 * Feeds the creation of an instance the case list does not have: one started by something other
 * than this server (a message, a call activity, another client), or one whose task arrived before
 * the start's own announcement. Its starter is the one the server recorded in the instance's
 * variables, else the system.
 */
export async function knowInstance(engine: Pick<ProcessEngine, 'getInstance'>, dataSource: DataSource, apply: (event: EngineEvent) => Promise<void>, processInstanceKey: string): Promise<void> {
  if (await dataSource.getRepository(ProcessInstanceRecord).existsBy({ key: processInstanceKey })) return;
  const { bpmnProcessId, version, variables } = await engine.getInstance(processInstanceKey);
  const starter = typeof variables.startedBy === 'string' && variables.startedBy ? variables.startedBy : 'system';
  await actingAs({ username: starter }, () => apply(keyed({ type: 'instance.created', processInstanceKey, bpmnProcessId, version, variables }, () => processInstanceKey)));
}
