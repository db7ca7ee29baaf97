import type { SheetRow, StockColumn } from './readStockSheet';

/** What is wrong with one cell, as a code the screen words in the reader's language. */
export type StockRowProblem = 'required' | 'vin' | 'year' | 'price' | 'tooLong' | 'duplicateVin' | 'held';

/** One problem of the file: its row as Excel numbers it, the column, and what is wrong. */
export interface StockRowError {
  row: number;
  column: StockColumn;
  problem: StockRowProblem;
  value: string;
}

/** A vehicle as a valid row describes it. */
export interface StockLine {
  row: number;
  vin: string;
  model: string;
  trim: string;
  colour: string;
  year: number;
  warehouse: string;
  price: number;
}

const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const TEXT_COLUMNS = ['model', 'trim', 'colour', 'warehouse'] as const;
const latestYear = () => new Date().getUTCFullYear() + 1;

/** Reads "4 100 000,50" and "4100000.5" alike; NaN for anything else. */
const money = (text: string) => Number(text.replace(/[\s\u00a0₽]/g, '').replace(',', '.'));

/** Checks every row and every cell, so the person fixes the whole file in one go. */
export function checkStockRows(rows: SheetRow[]): { lines: StockLine[]; errors: StockRowError[] } {
  const errors: StockRowError[] = [];
  const lines: StockLine[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (column: StockColumn, problem: StockRowProblem) => errors.push({ row, column, problem, value: cells[column] ?? '' });
    const vin = (cells.vin ?? '').toUpperCase();
    if (!vin) fail('vin', 'required');
    else if (!VIN.test(vin)) fail('vin', 'vin');
    else if (firstRowOf.has(vin)) fail('vin', 'duplicateVin');
    else firstRowOf.set(vin, row);
    for (const column of TEXT_COLUMNS) {
      if (!cells[column]) fail(column, 'required');
      else if (cells[column].length > 64) fail(column, 'tooLong');
    }
    const year = Number(cells.year);
    if (!cells.year) fail('year', 'required');
    else if (!Number.isInteger(year) || year < 1990 || year > latestYear()) fail('year', 'year');
    const price = money(cells.price ?? '');
    if (!cells.price) fail('price', 'required');
    else if (!Number.isFinite(price) || price <= 0 || price >= 1e12) fail('price', 'price');
    if (errors.length === before) {
      lines.push({ row, vin, model: cells.model, trim: cells.trim, colour: cells.colour, year, warehouse: cells.warehouse, price: Math.round(price * 100) / 100 });
    }
  }
  return { lines, errors };
}
