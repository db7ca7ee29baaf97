import { NotFoundError as EngineNotFound, type ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { NotFoundError } from '../errors/AppError';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import type { TaskAccess } from './TaskAccess';

/** The diagram of a task's process version and where its case stands in it. */
export interface TaskDiagramView {
  /** The BPMN XML of the exact version the case runs on. */
  xml: string;
  /** The task's element while the task is open. */
  activeElementIds: string[];
  /** Elements the case has completed (an element active again in a loop counts as active). */
  completedElementIds: string[];
}

/** Serves the diagram beside a task to whoever may see the task. */
export class TaskDiagram {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly access: TaskAccess) {}

  /** The task's diagram and markers; 404 when the task (or its process version) is out of reach. */
  async get(user: CurrentUser, key: string): Promise<TaskDiagramView> {
    const task = await this.access.visible(user, key);
    const missing = (error: unknown): never => {
      throw error instanceof EngineNotFound ? new NotFoundError('Diagram of task', key) : error;
    };
    const instance = await this.engine.getInstance(task.processInstanceKey).catch(missing);
    const definition = await this.dataSource.getRepository(ProcessDefinition).findOneBy({ bpmnProcessId: instance.bpmnProcessId, version: instance.version });
    if (!definition) throw new NotFoundError('Diagram of task', key);
    const xml = await this.engine.getProcessDefinitionXml(definition.key).catch(missing);
    const active = task.state === 'open' ? [task.elementId] : [];
    const completed = new Set(instance.history.filter((entry) => entry.state === 'COMPLETED').map((entry) => entry.elementId));
    return { xml, activeElementIds: active, completedElementIds: [...completed].filter((id) => !active.includes(id)) };
  }
}
