import type { ProcessEngine, Variables } from '@dealerflow/engine';
import { maskForm } from '@dealerflow/forms';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { ConflictError, ForbiddenError } from '../errors/AppError';
import { classificationFilter, type FormDefinition } from '../processes/FormCatalog';
import { engineCommand } from './engineCommand';
import { Task } from './Task';
import type { TaskAccess } from './TaskAccess';
import type { DraftView, TaskDraftService } from './TaskDraftService';
import type { TaskForms } from './TaskForms';

/** Groups whose tasks are distributor approvals: the approval queue and the four-eyes rule. */
export const APPROVAL_GROUPS = ['distributor-approver', 'warranty', 'sales', 'finance'];

/** A task with its form and data, masked for the reader. */
export interface TaskDetail {
  task: Task;
  form: Pick<FormDefinition, 'id' | 'title' | 'schema' | 'uiSchema' | 'labels'> | null;
  /** The form's fields filled from the case. */
  data: Record<string, unknown>;
  /** Form fields the reader may not see. */
  hidden: string[];
  /** Form data saved without completing the task, masked like `data`. */
  draft: DraftView | null;
}

/** Acting on inbox tasks: read, claim, unclaim, complete; one winner when people race. */
export class TaskService {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly access: TaskAccess, private readonly forms: TaskForms, private readonly drafts: TaskDraftService, private readonly audit: AuditTrail) {}

  /** The task with its form, the case's data and the saved draft, masked for the reader. */
  async get(user: CurrentUser, key: string): Promise<TaskDetail> {
    const task = await this.visible(user, key);
    const form = await this.forms.of(task);
    const draft = await this.drafts.find(user, task, form);
    if (!form) return { task, form: null, data: {}, hidden: [], draft };
    const variables = await this.variablesOf(task);
    const masked = maskForm(form.schema, variables, classificationFilter(user.ability));
    return { task, form: { id: form.id, title: form.title, schema: masked.schema as FormDefinition['schema'], uiSchema: form.uiSchema, labels: form.labels }, data: masked.data, hidden: masked.hidden, draft };
  }

  /** Takes an open, unassigned task; 409 when someone else holds it or it has ended. */
  async claim(user: CurrentUser, key: string): Promise<Task> {
    const task = await this.visible(user, key);
    const taken = await this.dataSource.transaction(async (manager) => {
      const result = await manager.createQueryBuilder().update(Task)
        .set({ assignee: user.username, revision: () => 'revision + 1' })
        .where('key = :key AND state = :open AND assignee IS NULL', { key, open: 'open' }).execute();
      if (result.affected) await this.audit.append(manager, { actor: user.username, action: 'task.claim', subjectType: 'ProcessInstance', subjectId: task.processInstanceKey, payload: { taskKey: key, elementId: task.elementId } });
      return result;
    });
    if (!taken.affected) throw await this.conflict(key, user);
    await engineCommand(user, key, () => this.engine.assignUserTask(key, user.username));
    return this.visible(user, key);
  }

  /** Gives a task one holds back to the group. */
  async unclaim(user: CurrentUser, key: string): Promise<Task> {
    const task = await this.visible(user, key);
    const released = await this.dataSource.transaction(async (manager) => {
      const result = await manager.createQueryBuilder().update(Task)
        .set({ assignee: null, revision: () => 'revision + 1' })
        .where('key = :key AND state = :open AND assignee = :me', { key, open: 'open', me: user.username }).execute();
      if (result.affected) await this.audit.append(manager, { actor: user.username, action: 'task.unclaim', subjectType: 'ProcessInstance', subjectId: task.processInstanceKey, payload: { taskKey: key, elementId: task.elementId } });
      return result;
    });
    if (!released.affected) throw await this.conflict(key, user);
    await engineCommand(user, key, () => this.engine.assignUserTask(key, undefined));
    return this.visible(user, key);
  }

  /** Validates the form data and completes the task; exactly one of several concurrent completions wins. */
  async complete(user: CurrentUser, key: string, input: Variables): Promise<void> {
    const task = await this.access.actionable(user, key);
    const isApproval = task.candidateGroups.some((g) => APPROVAL_GROUPS.includes(g));
    const caseVariables = await this.variablesOf(task);
    if (isApproval && [caseVariables.startedBy, caseVariables.lastEditedBy].includes(user.username)) {
      throw new ForbiddenError('Four eyes: you may not decide a case you started or last edited');
    }
    const variables = this.forms.completion(user, await this.forms.of(task), input);
    const extra = isApproval ? { decidedBy: user.username } : { lastEditedBy: user.username };
    await engineCommand(user, key, () => this.engine.completeUserTask(key, { ...variables, ...extra }));
  }

  private visible(user: CurrentUser, key: string): Promise<Task> {
    return this.access.visible(user, key);
  }

  private async variablesOf(task: Task): Promise<Variables> {
    return (await this.engine.getInstance(task.processInstanceKey)).variables;
  }

  private async conflict(key: string, user: CurrentUser): Promise<ConflictError> {
    const task = await this.dataSource.getRepository(Task).findOneByOrFail({ key });
    if (task.state !== 'open') return new ConflictError(`Task ${key} is already ${task.state}`, { state: task.state });
    if (task.assignee && task.assignee !== user.username) return new ConflictError(`Task ${key} is claimed by ${task.assignee}`, { assignee: task.assignee });
    return new ConflictError(`Task ${key} is not claimed by you`);
  }
}
