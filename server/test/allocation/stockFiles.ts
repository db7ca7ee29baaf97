import ExcelJS from 'exceljs';

/** Builds an .xlsx stock list with the given header row and data rows, as Excel would save it. */
export async function stockWorkbook(header: string[], rows: (string | number)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Склад');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The Russian headings a distributor's stock export carries. */
export const russianHeader = ['VIN', 'Модель', 'Комплектация', 'Цвет', 'Год', 'Склад', 'Цена'];
