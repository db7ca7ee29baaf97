import { Router } from '@koa/router';
import { stockRoutes as contract } from '@dealerflow/contract';
import type { StockImportService } from './StockImportService';
import { AppError } from '../../errors/AppError';
import { contractRoute } from '../../http/contractRoute';
import { requireUser } from '../../http/requireUser';
import { uploadedFile } from '../../http/uploadedFile';

const MAX_STOCK_FILE_BYTES = 10 * 1024 * 1024;

/** Stock imports from Excel (.xlsx) or CSV, uploaded as the raw file (see `uploadedFile`). */
export function stockImportRoutes(imports: StockImportService): Router {
  const router = new Router({ prefix: '/api/stock/import' });
  contractRoute(router, contract.import, async (ctx) => {
    const user = requireUser(ctx);
    const file = await uploadedFile(ctx, MAX_STOCK_FILE_BYTES);
    const kind = /\.xlsx$/i.test(file.fileName) ? 'xlsx' : /\.csv$/i.test(file.fileName) ? 'csv' : null;
    if (!kind) throw new AppError(415, 'stock_file_type', 'Send an Excel workbook (.xlsx) or a CSV file (.csv)');
    return imports.import(user, { fileName: file.fileName, kind, bytes: file.bytes });
  });
  return router;
}
