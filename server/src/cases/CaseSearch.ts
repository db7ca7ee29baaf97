import { Brackets, In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import type { CurrentUser } from '../auth/CurrentUser';
import { ForbiddenError } from '../errors/AppError';
import { customerSearchKey } from '../instances/caseSearchFields';
import { ProcessInstanceRecord, type InstanceListState } from '../instances/ProcessInstanceRecord';
import { accessibleBy } from '../permissions/accessibleBy';
import { ProcessDefinition } from '../processes/ProcessDefinition';
import type { FormCatalog } from '../processes/FormCatalog';
import { Task } from '../tasks/Task';
import { cursorValue, decodeCursor, encodeCursor } from '../tasks/inboxCursor';
import { prefixMatch } from './prefixMatch';

/** What the Cases page searches by; every text is a prefix, dates are whole UTC days (`to` included). */
export interface CaseFilter {
  ref?: string;
  vin?: string;
  customer?: string;
  processId?: string;
  state?: InstanceListState;
  dealerId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit?: number;
}

/** One case as the Cases page lists it. */
export interface CaseRow {
  key: string;
  caseRef: string | null;
  bpmnProcessId: string;
  processName: string;
  version: number;
  state: InstanceListState;
  dealerId: string | null;
  vin: string | null;
  customerName: string | null;
  /** The steps waiting for someone now: element id and the name the model gives it. */
  currentSteps: { elementId: string; name: string }[];
  startedAt: string;
  endedAt: string | null;
}

/** One page of cases, newest first, and the cursor of the next. */
export interface CasePage {
  items: CaseRow[];
  nextCursor: string | null;
}

const DAY = 86_400_000;

/**
 * The cases a user may read, searched and keyset-paged in SQL, newest first: a dealer's own
 * cases, or every case for the distributor, as the role rules say. Each text filter is a
 * prefix match on an indexed column of the instance list, so a search stays an index range
 * at a million cases.
 */
export class CaseSearch {
  constructor(private readonly dataSource: DataSource, private readonly forms: FormCatalog) {}

  /** A page of cases; 403 for users who may read none, or who search by a field hidden from them. */
  async page(user: CurrentUser, filter: CaseFilter): Promise<CasePage> {
    if (user.ability.cannot('read', 'ProcessInstance')) throw new ForbiddenError('You may not read cases');
    const hidden = await this.forms.hiddenVariables(user.ability);
    if ((filter.vin && hidden.has('vin')) || (filter.customer && hidden.has('customerName'))) throw new ForbiddenError('You may not search by that field');
    const limit = Math.min(Math.max(filter.limit ?? 50, 1), 200);
    const rows = await this.query(user, filter).take(limit + 1).getMany();
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: await this.rows(page, hidden),
      nextCursor: rows.length > limit ? encodeCursor(last.startedAt.toISOString(), last.key) : null,
    };
  }

  /** The processes cases can belong to, by name (the latest version's), for the Cases page's process filter. */
  async processes(user: CurrentUser): Promise<{ bpmnProcessId: string; name: string }[]> {
    if (user.ability.cannot('read', 'ProcessInstance')) throw new ForbiddenError('You may not read cases');
    const definitions = await this.dataSource.getRepository(ProcessDefinition).find({ select: { bpmnProcessId: true, version: true, name: true }, order: { version: 'DESC' } });
    const latest = new Map<string, string>();
    for (const definition of definitions) if (!latest.has(definition.bpmnProcessId)) latest.set(definition.bpmnProcessId, definition.name);
    return [...latest].map(([bpmnProcessId, name]) => ({ bpmnProcessId, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The search as one SQL query, newest first (the page and the query plan tests share it). */
  query(user: CurrentUser, filter: CaseFilter): SelectQueryBuilder<ProcessInstanceRecord> {
    const sqlite = this.dataSource.options.type === 'better-sqlite3';
    const query = accessibleBy(this.dataSource.getRepository(ProcessInstanceRecord).createQueryBuilder('i'), user.ability, 'read', 'ProcessInstance');
    if (filter.dealerId) query.andWhere('i.dealerId = :dealerId', { dealerId: filter.dealerId });
    if (filter.ref) prefixMatch(query, sqlite, 'i.caseRef', 'ref', filter.ref.trim().toUpperCase());
    if (filter.vin) prefixMatch(query, sqlite, 'i.vin', 'vin', filter.vin.trim().toUpperCase());
    if (filter.customer) prefixMatch(query, sqlite, 'i.customerKey', 'customer', customerSearchKey(filter.customer));
    if (filter.processId) query.andWhere('i.bpmnProcessId = :processId', { processId: filter.processId });
    if (filter.state) query.andWhere('i.state = :state', { state: filter.state });
    if (filter.from) query.andWhere('i.startedAt >= :from', { from: new Date(`${filter.from}T00:00:00.000Z`) });
    if (filter.to) query.andWhere('i.startedAt < :to', { to: new Date(Date.parse(`${filter.to}T00:00:00.000Z`) + DAY) });
    if (filter.cursor) {
      const decoded = decodeCursor(filter.cursor);
      const startedAt = cursorValue(decoded, 'date') as Date;
      query.andWhere(new Brackets((page) => {
        page.where('i.startedAt < :startedAt', { startedAt }).orWhere('i.startedAt = :startedAt AND i.key < :afterKey', { afterKey: decoded[1] });
      }));
    }
    return query.orderBy('i.startedAt', 'DESC').addOrderBy('i.key', 'DESC');
  }

  /** The page's rows with their process names and current steps, fields hidden from the reader left out. */
  private async rows(page: ProcessInstanceRecord[], hidden: Set<string>): Promise<CaseRow[]> {
    if (page.length === 0) return [];
    const keys = page.map((row) => row.key);
    const [definitions, open] = await Promise.all([
      this.dataSource.getRepository(ProcessDefinition).find({ where: { bpmnProcessId: In([...new Set(page.map((row) => row.bpmnProcessId))]) }, select: { bpmnProcessId: true, version: true, name: true } }),
      this.dataSource.getRepository(Task).find({ where: { processInstanceKey: In(keys), state: 'open' }, select: { processInstanceKey: true, elementId: true, name: true }, order: { createdAt: 'ASC' } }),
    ]);
    const nameOf = (row: ProcessInstanceRecord) => definitions.find((d) => d.bpmnProcessId === row.bpmnProcessId && d.version === row.version)?.name ?? row.bpmnProcessId;
    return page.map((row) => ({
      key: row.key,
      caseRef: row.caseRef,
      bpmnProcessId: row.bpmnProcessId,
      processName: nameOf(row),
      version: row.version,
      state: row.state,
      dealerId: row.dealerId,
      vin: hidden.has('vin') ? null : row.vin,
      customerName: hidden.has('customerName') ? null : row.customerName,
      currentSteps: open.filter((task) => task.processInstanceKey === row.key).map((task) => ({ elementId: task.elementId, name: task.name })),
      startedAt: row.startedAt.toISOString(),
      endedAt: row.endedAt?.toISOString() ?? null,
    }));
  }
}
