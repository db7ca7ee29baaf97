import type { TFunction } from 'i18next';
import { apiFetch } from '../api/apiFetch';
import type { AuditPage } from '../api/types';
import { MAX_EXPORT_ROWS } from '../export/fetchAllPages';
import type { ExportColumn } from '../export/writeWorkbook';
import { auditQuery, pick, type AuditEntryView, type AuditFilters } from './useAuditTrail';

/** The filtered trail, newest first as the page shows it, page by page up to the export limit. */
export async function fetchFilteredTrail(filters: AuditFilters): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await apiFetch<AuditPage>(`/api/audit?${auditQuery(filters, { limit: '1000', ...(cursor ? { cursor } : {}) })}`);
    entries.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor || entries.length >= MAX_EXPORT_ROWS) return entries.slice(0, MAX_EXPORT_ROWS);
  }
}

/** The audit trail's columns in a workbook: people by name, events as sentences, full hashes to check against the chain. */
export function auditExportColumns(t: TFunction, language: string): ExportColumn<AuditEntryView>[] {
  return [
    { header: t('audit.columns.seq'), value: (entry) => entry.seq, width: 8 },
    { header: t('audit.columns.at'), value: (entry) => new Date(entry.at), format: 'dd.mm.yyyy hh:mm:ss', width: 20 },
    { header: t('audit.columns.actor'), value: (entry) => pick(entry.actorName, language), width: 24 },
    { header: t('audit.columns.action'), value: (entry) => pick(entry.text, language), width: 60 },
    { header: t('audit.columns.subject'), value: (entry) => entry.case?.caseRef ?? entry.subjectType, width: 18 },
    { header: t('audit.columns.subjectId'), value: (entry) => entry.subjectId, width: 24 },
    { header: t('audit.columns.payload'), value: (entry) => entry.fields.map((f) => `${pick(f.label, language)}: ${pick(f.value, language)}`).join('; '), width: 60 },
    { header: t('audit.columns.hash'), value: (entry) => entry.hash, width: 66 },
  ];
}
