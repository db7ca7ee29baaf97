import { subject } from '@casl/ability';
import type { ProcessEngine } from '@dealerflow/engine';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import { candidateGroupsOf, type CurrentUser } from '../auth/CurrentUser';
import { Role } from '../entities/Role';
import { User } from '../entities/User';
import { ConflictError, ForbiddenError, ValidationError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { defineAbilityFor } from '../permissions/defineAbilityFor';
import { engineCommand } from './engineCommand';
import { Task } from './Task';
import { assertOpen, type TaskAccess } from './TaskAccess';

/** A colleague a task can be assigned to. */
export interface Assignee {
  id: string;
  username: string;
  displayName: string;
}

/**
 * Hands open tasks to colleagues. Who may assign is the CASL `assign` action on the task;
 * who may receive it is a user the assigner may read who is a candidate of the task (by name
 * or group) and whose own rules let them read it (so a dealer's task stays in that dealer).
 */
export class TaskAssignment {
  constructor(private readonly dataSource: DataSource, private readonly engine: ProcessEngine, private readonly access: TaskAccess, private readonly audit: AuditTrail) {}

  /** The colleagues the user may assign the task to, by name. */
  async assignees(user: CurrentUser, key: string): Promise<Assignee[]> {
    const task = await this.assignable(user, key);
    return this.eligible(user, task);
  }

  /**
   * Assigns the open task to `assignee` (also away from whoever holds it). With `seenRevision`
   * (the task's revision the caller looked at) a change since then is a 409; in any case one of
   * several concurrent assignments and claims wins and the others get 409.
   */
  async assign(user: CurrentUser, key: string, assignee: string, seenRevision?: number): Promise<Task> {
    const task = await this.assignable(user, key);
    if (seenRevision !== undefined && seenRevision !== task.revision) throw this.stale(task);
    if (!(await this.eligible(user, task)).some((a) => a.username === assignee)) {
      throw new ValidationError(`${assignee} cannot be assigned this task: they must be a candidate of it who may work on its case`, [{ field: 'assignee', message: 'is not a colleague who may take this task' }]);
    }
    const moved = await this.dataSource.transaction(async (manager) => {
      // The revision the check above saw: a claim or assignment in between makes this one lose.
      const result = await manager.createQueryBuilder().update(Task)
        .set({ assignee, revision: () => 'revision + 1' })
        .where('key = :key AND state = :open AND revision = :revision', { key, open: 'open', revision: task.revision }).execute();
      if (!result.affected) return false;
      await this.audit.append(manager, { actor: user.username, action: 'task.assign', subjectType: 'ProcessInstance', subjectId: task.processInstanceKey, payload: { taskKey: key, elementId: task.elementId, from: task.assignee, to: assignee } });
      return true;
    });
    if (!moved) {
      const now = await this.dataSource.getRepository(Task).findOneByOrFail({ key });
      assertOpen(now);
      throw this.stale(now);
    }
    await engineCommand(user, key, () => this.engine.assignUserTask(key, assignee));
    return this.dataSource.getRepository(Task).findOneByOrFail({ key });
  }

  /** The task if the user may see it (404), it is open (409) and they may assign it (403). */
  private async assignable(user: CurrentUser, key: string): Promise<Task> {
    const task = await this.access.visible(user, key);
    assertOpen(task);
    if (user.ability.cannot('assign', subject('Task', { ...task }))) throw new ForbiddenError('You may not assign this task');
    return task;
  }

  private stale(task: Task): ConflictError {
    return new ConflictError(`Task ${task.key} changed meanwhile; it is now ${task.assignee ? `held by ${task.assignee}` : 'unassigned'}`, { assignee: task.assignee, revision: task.revision });
  }

  private async eligible(user: CurrentUser, task: Task): Promise<Assignee[]> {
    const users = await accessibleBy(this.dataSource.getRepository(User).createQueryBuilder('u'), user.ability, 'read', 'User').orderBy('u.displayName').getMany();
    const rules = new Map((await this.dataSource.getRepository(Role).find()).map((role) => [role.name, role.rules]));
    const fact = subject('Task', { ...task });
    return users
      .filter((u) => task.candidateUsers.includes(u.username) || candidateGroupsOf(u).some((g) => task.candidateGroups.includes(g)))
      .filter((u) => defineAbilityFor(u, u.roles.flatMap((name) => rules.get(name) ?? [])).can('read', fact))
      .map((u) => ({ id: u.id, username: u.username, displayName: u.displayName }));
  }
}
