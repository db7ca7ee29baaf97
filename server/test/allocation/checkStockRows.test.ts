import { checkStockRows } from '../../src/allocation/stockImport/checkStockRows';
import { readStockSheet, UnreadableStockFile } from '../../src/allocation/stockImport/readStockSheet';
import { demoStock } from '../../src/demo/demoStock';
import { russianHeader, stockWorkbook } from './stockFiles';

describe('reading and checking a stock file', () => {
  it('reads an Excel sheet by its Russian headings, in any column order, skipping blank rows', async () => {
    const header = ['Склад', 'VIN', 'Модель', 'Комплектация', 'Цвет', 'Год', 'Цена дилеру'];
    const bytes = await stockWorkbook(header, [['Склад Москва', 'XWERN0202600000A1', 'Rio', 'Comfort', 'Белый', 2026, 1_750_000], [], ['Склад Москва', 'xwern0202600000a2', 'Rio', 'Classic', 'Синий', 2025, '1 690 000,50']]);
    const rows = await readStockSheet(bytes, 'xlsx');
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    const { lines, errors } = checkStockRows(rows);
    expect(errors).toEqual([]);
    expect(lines).toEqual([
      { row: 2, vin: 'XWERN0202600000A1', model: 'Rio', trim: 'Comfort', colour: 'Белый', year: 2026, warehouse: 'Склад Москва', price: 1_750_000 },
      { row: 4, vin: 'XWERN0202600000A2', model: 'Rio', trim: 'Classic', colour: 'Синий', year: 2025, warehouse: 'Склад Москва', price: 1_690_000.5 },
    ]);
  });

  it('reads CSV saved by Russian Excel (semicolons, byte order mark) and by others (commas)', async () => {
    const semicolons = Buffer.from('\uFEFFVIN;Модель;Комплектация;Цвет;Год;Склад;Цена\nXWERN0202600000A1;Rio;Comfort;Белый;2026;Склад Москва;1750000\n');
    const commas = Buffer.from('vin,model,trim,colour,year,warehouse,price\r\nXWERN0202600000A1,Rio,Comfort,White,2026,Moscow,1750000\r\n');
    expect((await readStockSheet(semicolons, 'csv'))[0]).toEqual({ row: 2, cells: { vin: 'XWERN0202600000A1', model: 'Rio', trim: 'Comfort', colour: 'Белый', year: '2026', warehouse: 'Склад Москва', price: '1750000' } });
    expect((await readStockSheet(commas, 'csv'))[0]?.cells.colour).toBe('White');
  });

  it('names every problem by row and column, so the whole file is fixed in one go', async () => {
    const bytes = await stockWorkbook(russianHeader, [
      ['XWERN0202600000A1', 'Rio', 'Comfort', 'Белый', 2026, 'Склад Москва', 1_750_000],
      ['XWERN0202600000IO', '', 'Comfort', 'Белый', 1980, 'Склад Москва', 'дорого'],
      ['XWERN0202600000A1', 'Rio', 'Comfort', 'Белый', 2026, 'Склад Москва', -5],
    ]);
    const { lines, errors } = checkStockRows(await readStockSheet(bytes, 'xlsx'));
    expect(lines.map((l) => l.row)).toEqual([2]);
    expect(errors).toEqual([
      { row: 3, column: 'vin', problem: 'vin', value: 'XWERN0202600000IO' },
      { row: 3, column: 'model', problem: 'required', value: '' },
      { row: 3, column: 'year', problem: 'year', value: '1980' },
      { row: 3, column: 'price', problem: 'price', value: 'дорого' },
      { row: 4, column: 'vin', problem: 'duplicateVin', value: 'XWERN0202600000A1' },
      { row: 4, column: 'price', problem: 'price', value: '-5' },
    ]);
  });

  it('refuses a file that is no spreadsheet, or lacks columns, saying which', async () => {
    await expect(readStockSheet(Buffer.from('not a zip'), 'xlsx')).rejects.toEqual(new UnreadableStockFile('unreadable'));
    const partial = await stockWorkbook(['VIN', 'Модель', 'Цвет'], [['XWERN0202600000A1', 'Rio', 'Белый']]);
    await expect(readStockSheet(partial, 'xlsx')).rejects.toMatchObject({ reason: 'missingColumns', columns: ['trim', 'year', 'warehouse', 'price'] });
  });

  it('passes the demo stock, whose VINs people type into requests', () => {
    const rows = demoStock.map((v, i) => ({ row: i + 2, cells: { ...v, year: String(v.year), price: String(v.price) } }));
    expect(checkStockRows(rows).errors).toEqual([]);
  });
});
