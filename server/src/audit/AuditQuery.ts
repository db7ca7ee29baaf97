import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { AuditEntry } from '../entities/AuditEntry';
import { ForbiddenError } from '../errors/AppError';
import { ProcessInstanceRecord } from '../instances/ProcessInstanceRecord';
import { loadAuditNames } from './AuditNames';
import { CASE_REF_SUBJECTS } from './caseSubjects';
import { describeEntry, type ReadableEntry } from './describeEntry';

/** What the Audit page filters by; dates are whole UTC days (`to` included). */
export interface AuditFilter {
  actor?: string;
  /** One action (`task.complete`) or a family of them (`task`, letters only). */
  action?: string;
  /** The case by its instance key or by the reference people quote. */
  instanceKey?: string;
  caseRef?: string;
  subjectType?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  /** Newest first: the page after this cursor (the last entry's `seq`). */
  cursor?: string;
  /** Oldest first: the entries after this `seq` (for walking the whole chain forward). */
  afterSeq?: number;
  limit?: number;
}

/** One page of entries and the cursor of the next (absent on the last page). */
export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

/** An entry as the API hands it out: its stored fields (details parsed) and how it reads. */
export type AuditEntryView = Omit<AuditEntry, 'payload'> & ReadableEntry & { payload: unknown };

/** A case as the trail knows it: its instance key and the reference its other subjects use. */
export interface AuditCase {
  instanceKey: string;
  caseRef: string | null;
}

const DAY = 86_400_000;

/** Reads the trail filtered and paged in SQL, for those the rules let read it. */
export class AuditQuery {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of entries, newest first unless `afterSeq` walks forward; 403 for users who may not read the trail. */
  async page(user: CurrentUser, filter: AuditFilter): Promise<AuditPage> {
    if (user.ability.cannot('read', 'AuditEntry')) throw new ForbiddenError('You may not read the audit trail');
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    if (filter.actor) query.andWhere('e.actor = :actor', { actor: filter.actor });
    if (filter.action?.includes('.')) query.andWhere('e.action = :action', { action: filter.action });
    else if (filter.action) query.andWhere('e.action LIKE :family', { family: `${filter.action}.%` }); // the route lets through letters only
    if (filter.subjectType) query.andWhere('e.subjectType = :type', { type: filter.subjectType });
    if (filter.subjectId) query.andWhere('e.subjectId = :id', { id: filter.subjectId });
    if (filter.instanceKey !== undefined || filter.caseRef !== undefined) {
      const found = await this.findCase(filter);
      if (!found) return { items: [] };
      whereCase(query, found);
    }
    if (filter.from) query.andWhere('e.at >= :from', { from: new Date(`${filter.from}T00:00:00.000Z`) });
    if (filter.to) query.andWhere('e.at < :to', { to: new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + DAY) });
    if (filter.afterSeq !== undefined) {
      query.andWhere('e.seq > :after', { after: filter.afterSeq }).orderBy('e.seq', 'ASC');
    } else {
      if (filter.cursor) query.andWhere('e.seq < :before', { before: Number(filter.cursor) });
      query.orderBy('e.seq', 'DESC');
    }
    const rows = await query.take(limit + 1).getMany();
    const items = rows.slice(0, limit);
    return rows.length > limit && filter.afterSeq === undefined ? { items, nextCursor: String(items[items.length - 1].seq) } : { items };
  }

  /** A page as people read it: each entry with its sentence, its labelled details and its case. */
  async readablePage(user: CurrentUser, filter: AuditFilter): Promise<{ items: AuditEntryView[]; nextCursor?: string }> {
    const { items, nextCursor } = await this.page(user, filter);
    const names = await loadAuditNames(this.dataSource.manager, items);
    const views = items.map((entry) => ({ ...entry, payload: JSON.parse(entry.payload) as unknown, ...describeEntry(entry, names) }));
    return nextCursor ? { items: views, nextCursor } : { items: views };
  }

  /** The case by instance key or reference, or null when there is none. */
  async findCase(filter: { instanceKey?: string; caseRef?: string }): Promise<AuditCase | null> {
    const repo = this.dataSource.getRepository(ProcessInstanceRecord);
    const record = filter.instanceKey !== undefined ? await repo.findOneBy({ key: filter.instanceKey }) : await repo.findOneBy({ caseRef: filter.caseRef });
    if (record) return { instanceKey: record.key, caseRef: record.caseRef };
    // An instance the projection has not caught up with still has its own entries.
    if (filter.instanceKey !== undefined) return { instanceKey: filter.instanceKey, caseRef: null };
    return null;
  }
}

/** Limits `query` (alias `e`) to the entries about one case. */
export function whereCase(query: SelectQueryBuilder<AuditEntry>, found: AuditCase): void {
  query.andWhere(new Brackets((b) => {
    b.where(new Brackets((i) => i.where("e.subjectType = 'ProcessInstance'").andWhere('e.subjectId = :caseKey', { caseKey: found.instanceKey })));
    if (found.caseRef) b.orWhere(new Brackets((r) => r.where('e.subjectType IN (:...refTypes)', { refTypes: CASE_REF_SUBJECTS }).andWhere('e.subjectId = :caseRef', { caseRef: found.caseRef })));
  }));
}
