import { Brackets, type DataSource } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError } from '../errors/AppError';
import { accessibleBy } from '../permissions/accessibleBy';
import { cursorValue, decodeCursor } from '../tasks/inboxCursor';
import { ProcessInstanceRecord, type InstanceListState } from './ProcessInstanceRecord';

/** The instance list's filters, all optional. */
export interface InstanceFilter {
  processId?: string;
  version?: number;
  state?: InstanceListState;
  dealerId?: string;
  /** true: only instances with an open incident; false: only those without. */
  hasIncident?: boolean;
  cursor?: string;
  limit?: number;
}

/** One page of instances, newest first, and the cursor of the next page. */
export interface InstancePage {
  items: ProcessInstanceRecord[];
  nextCursor: string | null;
}

function encodeCursor(row: ProcessInstanceRecord): string {
  return Buffer.from(JSON.stringify([row.startedAt.toISOString(), row.key])).toString('base64url');
}

/** The same checks as the inbox's cursors: a short key and a date SQL can hold, else 400. */
function decodeInstanceCursor(cursor: string): [Date, string] {
  const decoded = decodeCursor(cursor);
  return [cursorValue(decoded, 'date') as Date, decoded[1]];
}

/**
 * The instances a user may monitor, filtered and keyset-paged in SQL, newest first. The
 * role rules become the WHERE clause, so a role granted monitoring of its own dealer's
 * cases would only ever get those rows.
 */
export class InstanceQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of instances; 403 for users no rule lets monitor instances at all. */
  async page(user: CurrentUser, filter: InstanceFilter): Promise<InstancePage> {
    if (user.ability.cannot('monitor', 'ProcessInstance')) throw new ForbiddenError('You may not monitor process instances');
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const query = accessibleBy(this.dataSource.getRepository(ProcessInstanceRecord).createQueryBuilder('i'), user.ability, 'monitor', 'ProcessInstance');
    if (filter.processId) query.andWhere('i.bpmnProcessId = :processId', { processId: filter.processId });
    if (filter.version !== undefined) query.andWhere('i.version = :version', { version: filter.version });
    if (filter.state) query.andWhere('i.state = :state', { state: filter.state });
    if (filter.dealerId) query.andWhere('i.dealerId = :dealerId', { dealerId: filter.dealerId });
    if (filter.hasIncident !== undefined) query.andWhere(filter.hasIncident ? 'i.openIncidents > 0' : 'i.openIncidents = 0');
    if (filter.cursor) {
      const [startedAt, key] = decodeInstanceCursor(filter.cursor);
      query.andWhere(new Brackets((page) => {
        page.where('i.startedAt < :startedAt', { startedAt }).orWhere('i.startedAt = :startedAt AND i.key < :afterKey', { afterKey: key });
      }));
    }
    const rows = await query.orderBy('i.startedAt', 'DESC').addOrderBy('i.key', 'DESC').take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
  }
}
