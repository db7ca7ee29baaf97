import type { TFunction } from 'i18next';
import type { Task } from '../../api/types';
import type { ExportColumn } from '../../export/writeWorkbook';
import { taskName } from '../../i18n/taskName';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

/** The inbox's columns in a workbook, headers in the UI language. */
export function inboxExportColumns(t: TFunction): ExportColumn<Task>[] {
  return [
    { header: t('inbox.columns.name'), value: (task) => taskName(t, task), width: 36 },
    { header: t('inbox.columns.caseRef'), value: (task) => task.caseRef, width: 18 },
    { header: t('inbox.columns.dealer'), value: (task) => task.dealerId },
    { header: t('inbox.columns.assignee'), value: (task) => task.assignee, width: 18 },
    { header: t('inbox.columns.state'), value: (task) => t(`task.stateLabel.${task.state}`) },
    { header: t('inbox.columns.due'), value: (task) => date(task.dueDate), format: 'dd.mm.yyyy hh:mm', width: 18 },
    { header: t('inbox.columns.priority'), value: (task) => task.priority },
    { header: t('inbox.columns.created'), value: (task) => date(task.createdAt), format: 'dd.mm.yyyy hh:mm', width: 18 },
  ];
}
