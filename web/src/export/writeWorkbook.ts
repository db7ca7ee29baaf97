/** A cell value the workbook keeps typed: text, number or date; null stays empty. */
export type CellValue = string | number | Date | null;

/** One column of an exported list: its translated header, how to read a row, and how to format it. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => CellValue | undefined;
  /** Excel number format, e.g. '#,##0.00' or 'dd.mm.yyyy hh:mm'. */
  format?: string;
  width?: number;
}

/** Excel has no time zones: a date is written as the wall-clock time the user sees in the app. */
function wallClock(value: CellValue | undefined): CellValue {
  if (value instanceof Date) return new Date(value.getTime() - value.getTimezoneOffset() * 60_000);
  return value ?? null;
}

/**
 * Builds an .xlsx of `rows` (header row bold, frozen and filterable) and returns its bytes.
 * exceljs is imported here on demand so that it stays out of the main bundle.
 */
export async function writeWorkbook<T>(sheetName: string, columns: ExportColumn<T>[], rows: T[]): Promise<ArrayBuffer> {
  const exceljs = await import('exceljs');
  const Workbook = exceljs.Workbook ?? (exceljs as unknown as { default: typeof exceljs }).default.Workbook;
  const workbook = new Workbook();
  workbook.created = new Date();
  // Excel refuses sheet names over 31 characters or with []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({ key: String(index), header: column.header, width: column.width ?? Math.max(12, column.header.length + 4), style: column.format ? { numFmt: column.format } : {} }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((column) => wallClock(column.value(row))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return workbook.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}
