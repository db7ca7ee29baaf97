import elementNames from '@dealerflow/processes/element-names.json';
import { In, type EntityManager } from 'typeorm';
import type { AuditEntry } from '../entities/AuditEntry';
import { Dealer } from '../entities/Dealer';
import { User } from '../entities/User';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import { Task } from '../tasks/Task';
import { CASE_REF_SUBJECTS } from './caseSubjects';

/** A text in both languages people read. */
export interface Bilingual {
  ru: string;
  en: string;
}

/** The case an entry is about, as people name it. */
export interface CaseName {
  instanceKey: string;
  caseRef: string | null;
  bpmnProcessId: string;
  dealerId: string | null;
}

/** The names behind the codes a page of entries mentions: people, dealers, cases, tasks, processes. */
export interface AuditNames {
  person(username: string): string;
  dealer(id: string): string;
  caseOf(entry: Pick<AuditEntry, 'subjectType' | 'subjectId'>): CaseName | undefined;
  /** A task's step name in both languages: the shipped processes' translations, else the name its diagram gives. */
  task(taskKey: string): Bilingual | undefined;
  process(bpmnProcessId: string): Bilingual;
}

/** A step's name: as the shipped processes translate it, else as its diagram names it. */
function stepName(task: Pick<Task, 'bpmnProcessId' | 'elementId' | 'name'>): Bilingual {
  const named = (language: 'ru' | 'en') => (elementNames[language] as Record<string, Record<string, string> | undefined>)[task.bpmnProcessId]?.[task.elementId];
  return { ru: named('ru') ?? task.name, en: named('en') ?? task.name };
}

/** Russian names of the processes we ship; others read as deployed. */
const processNamesRu: Record<string, string> = {
  'warranty-claim': 'Гарантийная заявка',
  'tender-reservation': 'Резервирование тендера',
  'vehicle-allocation': 'Распределение автомобилей',
  'credit-limit-check': 'Проверка кредитного лимита',
  'lead-distribution': 'Распределение лидов',
};

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const payloadOf = (entry: AuditEntry): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(entry.payload);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** Loads, in a handful of queries, every name the given entries mention. */
export async function loadAuditNames(dataSource: Pick<EntityManager, 'getRepository'>, entries: readonly AuditEntry[]): Promise<AuditNames> {
  const usernames = new Set<string>();
  const dealerIds = new Set<string>();
  const instanceKeys = new Set<string>();
  const caseRefs = new Set<string>();
  const taskKeys = new Set<string>();
  for (const entry of entries) {
    const payload = payloadOf(entry);
    usernames.add(entry.actor);
    const variables = (payload.variables ?? {}) as Record<string, unknown>;
    for (const name of [payload.to, payload.from, payload.grantedBy, payload.username, variables.decidedBy, variables.startedBy, variables.assignee, variables.filedBy, variables.requestedBy]) if (text(name)) usernames.add(name as string);
    if (text(payload.dealerId)) dealerIds.add(payload.dealerId as string);
    if (entry.subjectType === 'Dealer' && entry.subjectId !== '*') dealerIds.add(entry.subjectId);
    if (entry.subjectType === 'ProcessInstance') instanceKeys.add(entry.subjectId);
    if (CASE_REF_SUBJECTS.includes(entry.subjectType)) caseRefs.add(entry.subjectId);
    if (text(payload.taskKey)) taskKeys.add(payload.taskKey as string);
  }
  const instances = instanceKeys.size || caseRefs.size
    ? await dataSource.getRepository(ProcessInstanceRecord).find({ where: [...(instanceKeys.size ? [{ key: In([...instanceKeys]) }] : []), ...(caseRefs.size ? [{ caseRef: In([...caseRefs]) }] : [])] })
    : [];
  for (const instance of instances) if (instance.dealerId) dealerIds.add(instance.dealerId);
  const processIds = [...new Set(instances.map((i) => i.bpmnProcessId))];
  const [users, dealers, tasks, definitions] = await Promise.all([
    usernames.size ? dataSource.getRepository(User).find({ select: { username: true, displayName: true }, where: { username: In([...usernames]) } }) : [],
    dealerIds.size ? dataSource.getRepository(Dealer).find({ select: { id: true, name: true }, where: { id: In([...dealerIds]) } }) : [],
    taskKeys.size ? dataSource.getRepository(Task).find({ select: { key: true, name: true, bpmnProcessId: true, elementId: true }, where: { key: In([...taskKeys]) } }) : [],
    processIds.length ? dataSource.getRepository(ProcessDefinition).find({ select: { bpmnProcessId: true, version: true, name: true }, where: { bpmnProcessId: In(processIds) } }) : [],
  ]);
  const people = new Map(users.map((u) => [u.username, u.displayName]));
  const dealerNames = new Map(dealers.map((d) => [d.id, d.name]));
  const taskNames = new Map(tasks.map((t) => [t.key, stepName(t)]));
  const latest = new Map<string, ProcessDefinition>();
  for (const d of definitions) if ((latest.get(d.bpmnProcessId)?.version ?? -1) < d.version) latest.set(d.bpmnProcessId, d);
  const byKey = new Map(instances.map((i) => [i.key, i]));
  const byRef = new Map(instances.filter((i) => i.caseRef).map((i) => [i.caseRef as string, i]));
  return {
    person: (username) => people.get(username) ?? username,
    dealer: (id) => dealerNames.get(id) ?? id,
    caseOf: (entry) => {
      const found = entry.subjectType === 'ProcessInstance' ? byKey.get(entry.subjectId) : CASE_REF_SUBJECTS.includes(entry.subjectType) ? byRef.get(entry.subjectId) : undefined;
      return found && { instanceKey: found.key, caseRef: found.caseRef, bpmnProcessId: found.bpmnProcessId, dealerId: found.dealerId };
    },
    task: (key) => taskNames.get(key),
    process: (id) => {
      const en = latest.get(id)?.name || id;
      return { ru: processNamesRu[id] ?? en, en };
    },
  };
}
