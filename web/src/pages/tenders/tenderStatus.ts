import type { TFunction } from 'i18next';
import type { TenderRow } from './tenderTypes';

/** A date as the person reads it, in their language. */
export const formatDay = (iso: string | null, language: string) => (iso ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(iso)) : '');

/** The row's status in words: whose and until when, never who else holds a refused tender. */
export function tenderStatus(t: TFunction, row: TenderRow, language: string): string {
  switch (row.state) {
    case 'pending':
      return t('tenders.state.pending', { date: formatDay(row.heldUntil, language) });
    case 'locked':
      return t('tenders.state.locked', { date: formatDay(row.heldUntil, language) });
    case 'conflict':
      return t('tenders.state.conflict', { date: formatDay(row.conflictUntil, language) });
    case 'refused':
      return row.reason ? t('tenders.state.refusedBecause', { reason: row.reason }) : t('tenders.state.refused');
    default:
      return t(`tenders.state.${row.state}`);
  }
}

/** "K5 × 3, Rio × 2". */
export const productsText = (row: TenderRow, name: (code: string) => string) => row.products.map((p) => `${name(p.productCode)} × ${p.quantity}`).join(', ');
