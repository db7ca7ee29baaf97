import { maskForm } from '@dealerflow/forms';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { AppError } from '../errors/AppError';
import { classificationFilter, type FormDefinition } from '../processes/FormCatalog';
import { Task } from './Task';
import { assertWorkable, type TaskAccess } from './TaskAccess';
import { TaskDraft } from './TaskDraft';
import type { TaskForms } from './TaskForms';

/** A saved draft as a reader gets it: the data masked for them, who saved it and when. */
export interface DraftView {
  variables: Record<string, unknown>;
  savedBy: string;
  savedAt: Date;
}

/** The largest draft kept, in bytes of JSON (a TEXT column holds 64 KiB). */
export const MAX_DRAFT_BYTES = 60_000;

/** Saving and reading task drafts; a draft never holds a field its saver may not see. */
export class TaskDraftService {
  constructor(private readonly dataSource: DataSource, private readonly access: TaskAccess, private readonly forms: TaskForms, private readonly audit: AuditTrail) {}

  /** Saves (replaces) the task's draft; same rules as completing it (system, hidden and read-only fields), without validating the data. */
  async save(user: CurrentUser, key: string, input: Record<string, unknown>): Promise<DraftView> {
    const task = await this.access.actionable(user, key);
    const variables = this.forms.draft(user, await this.forms.of(task), input);
    const bytes = Buffer.byteLength(JSON.stringify(variables));
    if (bytes > MAX_DRAFT_BYTES) throw new AppError(413, 'payload_too_large', `A draft may hold at most ${MAX_DRAFT_BYTES} bytes`, { bytes, limit: MAX_DRAFT_BYTES });
    const draft = Object.assign(new TaskDraft(), { taskKey: key, variables, savedBy: user.username, savedAt: new Date() });
    await this.dataSource.transaction(async (manager) => {
      // The task row is locked so a draft cannot land after the task ended (and its draft was dropped) or was claimed by another.
      assertWorkable(user, await this.lockTask(manager, key));
      await manager.upsert(TaskDraft, draft as QueryDeepPartialEntity<TaskDraft>, ['taskKey']);
      await this.audit.append(manager, { actor: user.username, action: 'task.draft', subjectType: 'ProcessInstance', subjectId: task.processInstanceKey, payload: { taskKey: key, fields: Object.keys(variables).sort() } });
    });
    return { variables: draft.variables, savedBy: draft.savedBy, savedAt: draft.savedAt };
  }

  /** The task's draft masked like its form data for `user`, or null. */
  async find(user: CurrentUser, task: Task, form: FormDefinition | null): Promise<DraftView | null> {
    const draft = await this.dataSource.getRepository(TaskDraft).findOneBy({ taskKey: task.key });
    if (!draft) return null;
    const variables = form ? maskForm(form.schema, draft.variables, classificationFilter(user.ability)).data : draft.variables;
    return { variables, savedBy: draft.savedBy, savedAt: draft.savedAt };
  }

  private async lockTask(manager: EntityManager, key: string): Promise<Task> {
    const query = manager.getRepository(Task).createQueryBuilder('t').where('t.key = :key', { key });
    if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write'); // SQLite writes are serialized anyway
    return query.getOneOrFail();
  }
}
