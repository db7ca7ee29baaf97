import type { StockImportResult } from '@dealerflow/contract';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditTrail } from '../../audit/AuditTrail';
import type { CurrentUser } from '../../auth/CurrentUser';
import { isUniqueViolation } from '../../db/uniqueViolation';
import { AppError, ConflictError, ForbiddenError } from '../../errors/AppError';
import { retryOnDeadlock } from '../../db/retryTransaction';
import { StockVehicle } from '../StockVehicle';
import { checkStockRows, type StockLine, type StockRowError } from './checkStockRows';
import { readStockSheet, UnreadableStockFile, type StockFileKind } from './readStockSheet';

/** The most rows one file may carry: a distributor's whole stock, not a database dump. */
export const MAX_STOCK_ROWS = 5000;

/** What an import did: vehicles added to stock and free vehicles whose details changed. */
export type { StockImportResult } from '@dealerflow/contract';

/**
 * Imports the distributor's stock from Excel or CSV. All or nothing: any bad row refuses the whole
 * file with every problem listed by row and column, so stock never half-changes. A vehicle already
 * held for a dealer is never changed by an import.
 */
export class StockImportService {
  constructor(private readonly dataSource: DataSource, private readonly audit: AuditTrail) {}

  async import(user: CurrentUser, file: { fileName: string; kind: StockFileKind; bytes: Buffer }): Promise<StockImportResult> {
    if (user.ability.cannot('create', 'StockVehicle')) throw new ForbiddenError('Only master data administrators import stock');
    const rows = await readStockSheet(file.bytes, file.kind).catch((error: unknown) => {
      if (!(error instanceof UnreadableStockFile)) throw error;
      if (error.reason === 'missingColumns') throw new AppError(400, 'stock_file_columns', error.message, { columns: error.columns });
      throw new AppError(400, 'stock_file_unreadable', error.message);
    });
    if (rows.length === 0) throw new AppError(400, 'stock_file_empty', 'The file has no vehicles');
    if (rows.length > MAX_STOCK_ROWS) throw new AppError(413, 'stock_file_too_long', `A file holds at most ${MAX_STOCK_ROWS} vehicles`, { max: MAX_STOCK_ROWS });
    const { lines, errors } = checkStockRows(rows);
    if (errors.length > 0) throw invalid(errors);
    try {
      return await retryOnDeadlock(() => this.dataSource.transaction(async (manager) => {
        const result = await this.write(manager, lines);
        await this.audit.append(manager, { actor: user.username, action: 'stock.import', subjectType: 'StockVehicle', subjectId: file.fileName, payload: { ...result, rows: lines.length } });
        return result;
      }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('Another import added the same vehicles just now; import the file again', { reason: 'concurrentImport' });
      throw error;
    }
  }

  /** Changes free vehicles in place and adds new ones; a held vehicle in the file refuses it. */
  private async write(manager: EntityManager, lines: StockLine[]): Promise<StockImportResult> {
    const repository = manager.getRepository(StockVehicle);
    const held: StockRowError[] = [];
    let added = 0;
    let updated = 0;
    for (const { row, ...vehicle } of lines) {
      const { vin, ...details } = vehicle;
      const changed = await repository.update({ vin, status: 'free' }, details);
      if (changed.affected) {
        updated++;
      } else if (await repository.existsBy({ vin })) {
        held.push({ row, column: 'vin', problem: 'held', value: vin });
      } else {
        await repository.insert({ ...vehicle, status: 'free', dealerId: null, caseRef: null });
        added++;
      }
    }
    if (held.length > 0) throw invalid(held);
    return { added, updated };
  }
}

const invalid = (errors: StockRowError[]) => new AppError(422, 'stock_file_invalid', `${errors.length} problem(s) in the file; nothing was imported`, { errors });
