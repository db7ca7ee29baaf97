import type { TFunction } from 'i18next';
import { apiFetch } from '../api/apiFetch';
import type { AuditEntry, ItemsResponse } from '../api/types';
import { MAX_EXPORT_ROWS } from '../export/fetchAllPages';
import type { ExportColumn } from '../export/writeWorkbook';

/** The whole trail, oldest first (the API pages forward with `afterSeq`). */
export async function fetchWholeTrail(): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (;;) {
    const afterSeq = entries.length ? entries[entries.length - 1].seq : 0;
    const { items } = await apiFetch<ItemsResponse<AuditEntry>>(`/api/audit?limit=1000&afterSeq=${afterSeq}`);
    entries.push(...items);
    if (items.length < 1000 || entries.length >= MAX_EXPORT_ROWS) return entries.slice(0, MAX_EXPORT_ROWS);
  }
}

/** The audit trail's columns in a workbook (full hashes, so the file can be checked against the chain). */
export function auditExportColumns(t: TFunction): ExportColumn<AuditEntry>[] {
  return [
    { header: t('audit.columns.seq'), value: (entry) => entry.seq, width: 8 },
    { header: t('audit.columns.at'), value: (entry) => new Date(entry.at), format: 'dd.mm.yyyy hh:mm:ss', width: 20 },
    { header: t('audit.columns.actor'), value: (entry) => entry.actor, width: 18 },
    { header: t('audit.columns.action'), value: (entry) => entry.action, width: 20 },
    { header: t('audit.columns.subject'), value: (entry) => entry.subjectType, width: 16 },
    { header: t('audit.columns.subjectId'), value: (entry) => entry.subjectId, width: 24 },
    { header: t('audit.columns.payload'), value: (entry) => (entry.payload === null || entry.payload === undefined ? null : JSON.stringify(entry.payload)), width: 60 },
    { header: t('audit.columns.hash'), value: (entry) => entry.hash, width: 66 },
  ];
}
