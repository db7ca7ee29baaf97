import { NotFoundError as EngineNotFound, type InstanceDetails, type ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotFoundError } from '../errors/AppError';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import type { ProcessService } from '../processes/ProcessService';
import { activeElements } from './activeElements';
import { ProcessInstanceRecord } from './ProcessInstanceRecord';

/** What the instance view shows: the engine's details plus the elements holding tokens and the list's summary. */
export interface InstanceViewDetails extends InstanceDetails {
  activeElementIds: string[];
  caseRef: string | null;
  dealerId: string | null;
  startedAt: string | null;
  endedAt: string | null;
}

/** The diagram an instance runs on. */
export interface InstanceDiagram {
  bpmnProcessId: string;
  version: number;
  xml: string;
}

/** One instance for the instance view: details, active elements, and the BPMN of its version. */
export class InstanceView {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly processes: ProcessService) {}

  /** The instance as the user may see it (404 otherwise), with its active elements. */
  async get(user: CurrentUser, key: string): Promise<InstanceViewDetails> {
    const instance = await this.processes.get(user, key);
    const row = await this.dataSource.getRepository(ProcessInstanceRecord).findOneBy({ key });
    const variables = instance.variables;
    return {
      ...instance,
      activeElementIds: instance.state === 'ACTIVE' ? activeElements(instance.history, instance.bpmnProcessId) : [],
      caseRef: row?.caseRef ?? (typeof variables.caseRef === 'string' ? variables.caseRef : null),
      dealerId: row?.dealerId ?? (typeof variables.dealerId === 'string' ? variables.dealerId : null),
      startedAt: row?.startedAt.toISOString() ?? null,
      endedAt: row?.endedAt?.toISOString() ?? null,
    };
  }

  /** The BPMN XML of the version the instance runs; 404 when the user may not read the instance. */
  async diagram(user: CurrentUser, key: string): Promise<InstanceDiagram> {
    const instance = await this.processes.readable(user, key);
    const definition = await this.dataSource.getRepository(ProcessDefinition).findOneBy({ bpmnProcessId: instance.bpmnProcessId, version: instance.version });
    if (!definition) throw new NotFoundError('Process definition', `${instance.bpmnProcessId}:${instance.version}`);
    const xml = await this.engine.getProcessDefinitionXml(definition.key).catch((error: unknown) => {
      if (error instanceof EngineNotFound) throw new NotFoundError('Process definition', `${instance.bpmnProcessId}:${instance.version}`);
      throw error;
    });
    return { bpmnProcessId: instance.bpmnProcessId, version: instance.version, xml };
  }
}
