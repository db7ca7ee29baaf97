import type { SandboxRunView, SandboxTask } from '@dealerflow/contract';
import { EmbeddedEngine, MemoryStore, NotFoundError as EngineNotFound, type Resource, type Variables } from '@dealerflow/engine';
import type { Plugin, PluginLogger } from '@dealerflow/plugins';
import { compileValidator } from '@dealerflow/forms';
import { ConflictError, NotFoundError, ValidationError } from '../errors/AppError';
import type { FormDefinition } from '../processes/FormCatalog';
import { driveJobs } from './driveJobs';
import type { SandboxEffect } from './SandboxEffects';

/** A test run and its open tasks as the designer shows them: the API contract's shapes. */
export type { SandboxRunView, SandboxTask } from '@dealerflow/contract';

/** Validates `data` against a form's whole schema (an admin sees every field); a 400 with field errors otherwise. */
export function validateForm(form: FormDefinition | null, data: Variables): Variables {
  if (!form) return data;
  const result = compileValidator<Variables>(form.schema)(data);
  if (!result.ok) throw new ValidationError('The form has invalid fields', result.errors);
  return result.value;
}

/** One test run: a draft diagram on its own in-memory engine, its plugins' effects recorded, never touching real data. */
export class SandboxRun {
  readonly engine = new EmbeddedEngine({ store: new MemoryStore(), pollInterval: 0 });
  private instanceKey = '';
  private bpmnProcessId = '';

  constructor(
    readonly id: string,
    readonly owner: string,
    private readonly formFor: (id: string) => Promise<FormDefinition | null>,
    private readonly plugins: Plugin[],
    readonly effects: SandboxEffect[],
    private readonly log: PluginLogger,
    public lastUsedAt: number,
    private readonly idleMs: number,
  ) {}

  /** Deploys the draft (with the DMN decisions it calls), starts it with `variables` and works its service tasks until it settles. */
  async start(xml: string, bpmnProcessId: string, variables: Variables, decisions: Resource[] = []): Promise<void> {
    await this.engine.deploy([...decisions, { name: `${bpmnProcessId}.bpmn`, content: xml }]);
    this.bpmnProcessId = bpmnProcessId;
    this.instanceKey = (await this.engine.createInstance(bpmnProcessId, variables)).processInstanceKey;
    await driveJobs(this.engine, this.plugins, this.log);
  }

  /** Completes an open user task with data its form accepts, then works the service tasks that follow. */
  async complete(taskKey: string, variables: Variables): Promise<void> {
    const task = (await this.openTasks()).find((t) => t.key === taskKey);
    if (!task) throw new NotFoundError('Open task', taskKey);
    const values = validateForm(task.form, variables);
    await this.engine.completeUserTask(taskKey, values).catch((error: unknown) => {
      // It was open a moment ago: a concurrent completion won.
      if (error instanceof EngineNotFound) throw new ConflictError(`Task ${taskKey} was completed meanwhile`);
      throw error;
    });
    await driveJobs(this.engine, this.plugins, this.log);
  }

  /** The run's state, path, open tasks with their forms, incidents and recorded effects. */
  async view(): Promise<SandboxRunView> {
    const instance = await this.engine.getInstance(this.instanceKey);
    // The process itself is in the history too; the path is its flow elements.
    const steps = instance.history.filter((h) => h.elementId !== instance.bpmnProcessId);
    const path = [...new Set(steps.map((h) => h.elementId))];
    // An element entered twice (a loop) is active while it was entered more often than left.
    const open = new Map<string, number>();
    for (const h of steps) open.set(h.elementId, (open.get(h.elementId) ?? 0) + (h.state === 'ACTIVATED' ? 1 : -1));
    const active = path.filter((id) => (open.get(id) ?? 0) > 0);
    return {
      id: this.id,
      bpmnProcessId: this.bpmnProcessId,
      state: instance.state,
      variables: instance.variables,
      history: instance.history,
      path,
      active,
      tasks: await this.openTasks(),
      incidents: instance.incidents,
      effects: this.effects,
      expiresAt: new Date(this.lastUsedAt + this.idleMs).toISOString(),
    };
  }

  /** Stops the run's engine; its state goes with it. */
  close(): Promise<void> {
    return this.engine.close();
  }

  private async openTasks(): Promise<SandboxTask[]> {
    const tasks = await this.engine.searchUserTasks({ processInstanceKey: this.instanceKey, state: 'CREATED' });
    return Promise.all(tasks.map(async (task) => {
      const formId = task.externalFormReference ?? task.formId ?? task.formKey ?? null;
      return { key: task.key, elementId: task.elementId, name: task.name ?? null, formId, form: formId ? await this.formFor(formId) : null, candidateGroups: task.candidateGroups };
    }));
  }
}
