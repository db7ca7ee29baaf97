import type { TFunction } from 'i18next';
import type { ExportColumn } from '../../export/writeWorkbook';
import type { LeadRow } from './leadTypes';

/** Lead columns in a workbook, headers and values in the UI language. */
export function leadExportColumns(t: TFunction): ExportColumn<LeadRow>[] {
  return [
    { header: t('leads.columns.case'), value: (l) => l.caseRef, width: 20 },
    { header: t('leads.columns.received'), value: (l) => new Date(l.createdAt), format: 'dd.mm.yyyy hh:mm', width: 18 },
    { header: t('leads.columns.customer'), value: (l) => l.customerName, width: 26 },
    { header: t('leads.columns.model'), value: (l) => l.model },
    { header: t('leads.columns.territory'), value: (l) => [l.regionCode, l.cityCode].filter(Boolean).join(' / ') },
    { header: t('leads.columns.source'), value: (l) => t(`leads.source.${l.source}`) },
    { header: t('leads.columns.strategy'), value: (l) => (l.strategy ? t(`leads.strategy.${l.strategy}`) : '') },
    { header: t('leads.columns.status'), value: (l) => t(`leads.status.${l.status}`) },
    { header: t('leads.columns.dealer'), value: (l) => l.dealerName ?? (l.status === 'queued' ? t('leads.distributor') : ''), width: 26 },
    { header: t('leads.columns.lostReason'), value: (l) => l.lostReason ?? '', width: 30 },
  ];
}
