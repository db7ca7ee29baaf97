import type { NewTenderProduct, TenderProductChange } from '@dealerflow/contract';
import type { DataSource } from 'typeorm';
import type { AuditTrail } from '../audit/AuditTrail';
import type { CurrentUser } from '../auth/CurrentUser';
import { isUniqueViolation } from '../db/uniqueViolation';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors/AppError';
import { TenderProduct } from './TenderProduct';

/** A model added to the catalog. */
export type { NewTenderProduct } from '@dealerflow/contract';
/** What an edit may change; the code names the model in tenders and never changes. */
export type { TenderProductChange } from '@dealerflow/contract';

/** The models tenders may ask for: everyone reads them, whoever manages the catalog adds, renames, orders and retires them, audited. */
export class TenderCatalog {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  /** Every model, retired ones too (they name old tenders), in catalog order. */
  list(): Promise<TenderProduct[]> {
    return this.dataSource.getRepository(TenderProduct).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  /** Adds a model; a code the catalog has is a 409, also when two admins add it at once. */
  async create(user: CurrentUser, product: NewTenderProduct): Promise<TenderProduct> {
    if (user.ability.cannot('create', 'TenderProduct')) throw new ForbiddenError('Only catalog managers add models');
    const { code, name, sortOrder = 0 } = product;
    try {
      return await this.dataSource.transaction(async (m) => {
        await m.insert(TenderProduct, { code, name, sortOrder, active: true });
        await this.audit.append(m, { actor: user.username, action: 'tender.product.create', subjectType: 'TenderProduct', subjectId: code, payload: { name, sortOrder } });
        return m.findOneByOrFail(TenderProduct, { code });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`Модель с кодом ${code} уже есть в каталоге / The catalog already has a model with code ${code}`, { productCode: code });
      throw error;
    }
  }

  /** Renames, reorders, retires or offers again a model; the audit entry holds what changed, from and to. */
  async update(user: CurrentUser, code: string, change: TenderProductChange): Promise<TenderProduct> {
    if (user.ability.cannot('update', 'TenderProduct')) throw new ForbiddenError('Only catalog managers change models');
    return this.dataSource.transaction(async (m) => {
      const row = await m.findOneBy(TenderProduct, { code });
      if (!row) throw new NotFoundError('Tender product', code);
      const changed = (Object.keys(change) as (keyof TenderProductChange)[]).filter((field) => change[field] !== row[field]);
      if (changed.length === 0) return row;
      const before = Object.fromEntries(changed.map((field) => [field, row[field]]));
      Object.assign(row, change);
      await m.update(TenderProduct, { code }, change);
      await this.audit.append(m, { actor: user.username, action: 'tender.product.update', subjectType: 'TenderProduct', subjectId: code, payload: { before, after: Object.fromEntries(changed.map((field) => [field, row[field]])) } });
      return row;
    });
  }
}
