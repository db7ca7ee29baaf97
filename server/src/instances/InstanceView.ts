import { NotFoundError as EngineNotFound, type InstanceDetails, type ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotFoundError } from '../errors/AppError';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import type { ProcessService } from '../processes/ProcessService';
import { activeElements } from './activeElements';
import { casePeople } from './casePeople';
import { ProcessInstanceRecord } from './ProcessInstanceRecord';
import { staticJobTypes, workerWaits, type WorkerWait } from './workerWaits';

/** Parsed job types of the definitions viewed lately, by `bpmnProcessId:version` (a version's model never changes). */
const JOB_TYPE_CACHE_SIZE = 100;

/** What the instance view shows: the engine's details plus the elements holding tokens and the list's summary. */
export interface InstanceViewDetails extends InstanceDetails {
  activeElementIds: string[];
  /** Active jobs of a type no plugin of ours serves: they wait for the customer's own worker, which is not an error. */
  waitingForWorker: WorkerWait[];
  caseRef: string | null;
  dealerId: string | null;
  startedAt: string | null;
  endedAt: string | null;
  /** Display names by login of the people the case names (see casePeople). */
  people: Record<string, string>;
}

/** The diagram an instance runs on. */
export interface InstanceDiagram {
  bpmnProcessId: string;
  version: number;
  xml: string;
}

/** One instance for the instance view: details, active elements, and the BPMN of its version. */
export class InstanceView {
  private readonly jobTypes = new Map<string, Promise<Map<string, string>>>();

  /** `pluginTypes`: the job types our plugins serve. */
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly processes: ProcessService, private readonly pluginTypes: readonly string[] = []) {}

  /** The instance as the user may see it (404 otherwise), with its active elements. */
  async get(user: CurrentUser, key: string): Promise<InstanceViewDetails> {
    const instance = await this.processes.get(user, key);
    const row = await this.dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key });
    const variables = instance.variables;
    const activeElementIds = instance.state === 'ACTIVE' ? activeElements(instance.history, instance.bpmnProcessId) : [];
    const [jobTypes, people] = await Promise.all([
      activeElementIds.length ? this.jobTypesOf(instance.bpmnProcessId, instance.version) : new Map<string, string>(),
      casePeople(this.dataSource, key, variables),
    ]);
    return {
      ...instance,
      activeElementIds,
      waitingForWorker: workerWaits(activeElementIds, jobTypes, this.pluginTypes, instance.incidents.map((incident) => incident.elementId)),
      caseRef: row?.caseRef ?? (typeof variables.caseRef === 'string' ? variables.caseRef : null),
      dealerId: row?.dealerId ?? (typeof variables.dealerId === 'string' ? variables.dealerId : null),
      startedAt: row?.startedAt.toISOString() ?? null,
      endedAt: row?.endedAt?.toISOString() ?? null,
      people,
    };
  }

  /** The BPMN XML of the version the instance runs; 404 when the user may not read the instance. */
  async diagram(user: CurrentUser, key: string): Promise<InstanceDiagram> {
    const instance = await this.processes.assertReadable(user, key);
    const definition = await this.dataSource.getRepository(ProcessDefinition).findOneBy({ bpmnProcessId: instance.bpmnProcessId, version: instance.version });
    if (!definition) throw new NotFoundError('Process definition', `${instance.bpmnProcessId}:${instance.version}`);
    const xml = await this.engine.getProcessDefinitionXml(definition.key).catch((error: unknown) => {
      if (error instanceof EngineNotFound) throw new NotFoundError('Process definition', `${instance.bpmnProcessId}:${instance.version}`);
      throw error;
    });
    return { bpmnProcessId: instance.bpmnProcessId, version: instance.version, xml };
  }

  /** The static job types of a process version's elements (none when its definition is not known here yet). */
  private jobTypesOf(bpmnProcessId: string, version: number): Promise<Map<string, string>> {
    const id = `${bpmnProcessId}:${version}`;
    const cached = this.jobTypes.get(id);
    if (cached) return cached;
    const types = (async () => {
      const definition = await this.dataSource.getRepository(ProcessDefinition).findOne({ where: { bpmnProcessId, version }, select: { key: true, resourceXml: true } });
      if (!definition) throw new Error('definition not stored yet');
      return staticJobTypes(definition.resourceXml ?? await this.engine.getProcessDefinitionXml(definition.key));
    })();
    if (this.jobTypes.size >= JOB_TYPE_CACHE_SIZE) this.jobTypes.delete(this.jobTypes.keys().next().value!);
    this.jobTypes.set(id, types);
    // A failure is not kept: the next view asks again.
    return types.catch(() => {
      this.jobTypes.delete(id);
      return new Map<string, string>();
    });
  }
}
