import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** The file formats a stock list may come in. */
export type StockFileKind = 'xlsx' | 'csv';

/** One data row of the file: its number as a person sees it in Excel, and its cells by column name. */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
}

/** The columns of a stock list and the headings people give them, in Russian and English. */
export const stockColumns = {
  vin: ['vin', 'вин'],
  model: ['model', 'модель'],
  trim: ['trim', 'комплектация'],
  colour: ['colour', 'color', 'цвет'],
  year: ['year', 'год', 'год выпуска'],
  warehouse: ['warehouse', 'склад'],
  price: ['price', 'цена', 'цена дилеру'],
} as const;

export type StockColumn = keyof typeof stockColumns;

const columnOf = (heading: string): StockColumn | undefined => {
  const plain = heading.trim().toLowerCase().replace(/\s+/g, ' ');
  return (Object.keys(stockColumns) as StockColumn[]).find((column) => (stockColumns[column] as readonly string[]).includes(plain));
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value).trim();
};

/** Thrown when the file is no spreadsheet we can read, or lacks a column. */
export class UnreadableStockFile extends Error {
  constructor(readonly reason: 'unreadable' | 'missingColumns', readonly columns: StockColumn[] = []) {
    super(reason === 'unreadable' ? 'The file is not an Excel workbook or a CSV file' : `The file lacks the columns ${columns.join(', ')}`);
  }
}

/** Reads the first sheet: the first row names the columns (RU or EN), every non-empty row after it is data. */
export async function readStockSheet(bytes: Buffer, kind: StockFileKind): Promise<SheetRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    if (kind === 'xlsx') await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    else await workbook.csv.read(Readable.from([bytes.toString('utf8').replace(/^\uFEFF/, '')]), { parserOptions: { delimiter: detectDelimiter(bytes) } });
  } catch {
    throw new UnreadableStockFile('unreadable');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableStockFile('unreadable');
  const columns = new Map<number, StockColumn>();
  sheet.getRow(1).eachCell((cell, index) => {
    const column = columnOf(cellText(cell.value));
    if (column) columns.set(index, column);
  });
  const missing = (Object.keys(stockColumns) as StockColumn[]).filter((column) => ![...columns.values()].includes(column));
  if (missing.length > 0) throw new UnreadableStockFile('missingColumns', missing);
  const rows: SheetRow[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells: Record<string, string> = {};
    for (const [index, column] of columns) cells[column] = cellText(row.getCell(index).value);
    if (Object.values(cells).some((value) => value !== '')) rows.push({ row: number, cells });
  });
  return rows;
}

/** Russian Excel saves CSV with semicolons; others use commas. The first line decides. */
function detectDelimiter(bytes: Buffer): string {
  const firstLine = bytes.subarray(0, 4096).toString('utf8').split(/\r?\n/)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}
