import type { TFunction } from 'i18next';
import type { ExportColumn } from '../../export/writeWorkbook';
import { productsText, tenderStatus } from './tenderStatus';
import type { TenderRow } from './tenderTypes';

/** The tender list in a workbook, headers in the UI language; the dealer column for the distributor only. */
export function tenderExportColumns(t: TFunction, language: string, showDealer: boolean, dealerName: (id: string) => string, productName: (code: string) => string): ExportColumn<TenderRow>[] {
  const columns: ExportColumn<TenderRow>[] = [
    { header: t('tenders.columns.case'), value: (r) => r.caseRef, width: 20 },
    { header: t('tenders.columns.number'), value: (r) => r.tenderNumber, width: 24 },
    { header: t('tenders.columns.platform'), value: (r) => t(`tenders.platform.${r.platform}`, { defaultValue: r.platform }), width: 20 },
    { header: t('tenders.columns.customer'), value: (r) => r.customerName, width: 30 },
    { header: t('tenders.columns.inn'), value: (r) => r.customerInn, width: 14 },
    { header: t('tenders.columns.object'), value: (r) => r.tenderObject, width: 40 },
    { header: t('tenders.columns.products'), value: (r) => productsText(r, productName), width: 28 },
  ];
  if (showDealer) columns.push({ header: t('tenders.columns.dealer'), value: (r) => dealerName(r.dealerId), width: 26 });
  columns.push(
    { header: t('tenders.columns.status'), value: (r) => tenderStatus(t, r, language), width: 40 },
    { header: t('tenders.columns.until'), value: (r) => (r.state === 'locked' && r.heldUntil ? new Date(r.heldUntil) : null), format: 'dd.mm.yyyy', width: 14 },
    { header: t('tenders.columns.appliedAt'), value: (r) => new Date(r.appliedAt), format: 'dd.mm.yyyy', width: 14 },
  );
  return columns;
}
