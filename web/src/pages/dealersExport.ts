import type { TFunction } from 'i18next';
import type { Dealer } from '../api/types';
import type { ExportColumn } from '../export/writeWorkbook';

/** The dealers' columns in a workbook; the credit limit only when the server sent it to this user. */
export function dealerExportColumns(t: TFunction, dealers: Dealer[]): ExportColumn<Dealer>[] {
  const columns: ExportColumn<Dealer>[] = [
    { header: t('dealers.columns.id'), value: (dealer) => dealer.id },
    { header: t('dealers.columns.name'), value: (dealer) => dealer.name, width: 28 },
    { header: t('dealers.columns.region'), value: (dealer) => dealer.region, width: 18 },
    { header: t('dealers.columns.territories'), value: (dealer) => dealer.territoryCodes?.join(', ') ?? null, width: 18 },
    { header: t('dealers.columns.rating'), value: (dealer) => dealer.rating ?? null, format: '0.0' },
  ];
  if (dealers.some((dealer) => dealer.creditLimit !== undefined)) {
    columns.push({ header: t('dealers.columns.creditLimit'), value: (dealer) => dealer.creditLimit ?? null, format: '#,##0.00', width: 18 });
  }
  return columns;
}
