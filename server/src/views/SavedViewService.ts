import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { isUniqueViolation } from '../db/uniqueViolation';
import { ConflictError, NotFoundError } from '../errors/AppError';
import { SavedView, type SavedFilters } from './SavedView';

/** How many views one user may keep. */
export const MAX_VIEWS_PER_USER = 50;

/** A saved view as the API shows it. */
export type SavedViewDto = Pick<SavedView, 'id' | 'name' | 'filters' | 'createdAt'>;

function dto({ id, name, filters, createdAt }: SavedView): SavedViewDto {
  return { id, name, filters, createdAt };
}

/**
 * Each user's saved inbox views. A view belongs to the user who saved it: every query is
 * bound to the caller's id, so another user's view answers 404 as if it did not exist.
 */
export class SavedViewService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** The caller's views, by name. */
  async list(user: CurrentUser): Promise<SavedViewDto[]> {
    const views = await this.dataSource.getRepository(SavedView).find({ where: { userId: user.id }, order: { name: 'ASC' } });
    return views.map(dto);
  }

  /** Saves a new view; 409 when the caller already has one by that name (case ignored) or too many. */
  async create(user: CurrentUser, name: string, filters: SavedFilters): Promise<SavedViewDto> {
    const trimmed = name.trim();
    const view = Object.assign(new SavedView(), { id: randomUUID(), userId: user.id, name: trimmed, nameKey: trimmed.toLocaleLowerCase(), filters, createdAt: new Date() });
    try {
      await this.dataSource.transaction(async (manager) => {
        const mine = manager.getRepository(SavedView).createQueryBuilder('v').where('v.userId = :userId', { userId: user.id });
        if (await mine.clone().andWhere('v.nameKey = :nameKey', { nameKey: view.nameKey }).getExists()) throw this.duplicate(view.name);
        if ((await mine.getCount()) >= MAX_VIEWS_PER_USER) throw new ConflictError(`You already keep ${MAX_VIEWS_PER_USER} views; delete one first`, { limit: MAX_VIEWS_PER_USER });
        await manager.insert(SavedView, view);
        await this.audit.append(manager, { actor: user.username, action: 'view.save', subjectType: 'SavedView', subjectId: view.id, payload: { name: view.name, filters } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw this.duplicate(view.name);
      throw error;
    }
    return dto(view);
  }

  /** Deletes one of the caller's views; 404 for any other id. */
  async remove(user: CurrentUser, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const view = await manager.findOneBy(SavedView, { id, userId: user.id });
      if (!view) throw new NotFoundError('Saved view', id);
      await manager.delete(SavedView, { id, userId: user.id });
      await this.audit.append(manager, { actor: user.username, action: 'view.delete', subjectType: 'SavedView', subjectId: id, payload: { name: view.name } });
    });
  }

  private duplicate(name: string): ConflictError {
    return new ConflictError(`You already have a view named "${name}"`, { field: 'name' });
  }
}
