import type { TFunction } from 'i18next';
import type { ApprovalItem } from '../../api/types';
import type { ExportColumn } from '../../export/writeWorkbook';
import { taskName } from '../../i18n/taskName';

/** The approval queue's columns in a workbook, headers in the UI language. */
export function approvalsExportColumns(t: TFunction, dealerNames: Map<string, string>): ExportColumn<ApprovalItem>[] {
  return [
    { header: t('approvals.columns.caseRef'), value: (item) => item.caseRef, width: 18 },
    { header: t('approvals.columns.task'), value: (item) => taskName(t, item), width: 32 },
    { header: t('approvals.columns.dealer'), value: (item) => item.dealerId },
    { header: t('approvals.columns.dealerName'), value: (item) => (item.dealerId ? dealerNames.get(item.dealerId) : null), width: 24 },
    { header: t('approvals.columns.vin'), value: (item) => item.summary.vin, width: 22 },
    { header: t('approvals.columns.customer'), value: (item) => item.summary.customerName, width: 22 },
    { header: t('approvals.columns.amount'), value: (item) => item.summary.claimAmount, format: '#,##0.00', width: 14 },
    { header: t('inbox.columns.due'), value: (item) => (item.dueDate ? new Date(item.dueDate) : null), format: 'dd.mm.yyyy hh:mm', width: 18 },
  ];
}
