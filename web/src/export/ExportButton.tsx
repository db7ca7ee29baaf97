import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describeError';
import type { ExportColumn } from './writeWorkbook';

/** What to export: the list's rows (all pages) and its columns. */
export interface ExportButtonProps<T> {
  /** The file name without date and extension, e.g. "inbox". */
  fileName: string;
  sheetName: string;
  columns: ExportColumn<T>[];
  /** Fetches every row the list currently filters to, following the API's paging. */
  fetchRows: () => Promise<T[]>;
}

function saveFile(bytes: ArrayBuffer, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Export to Excel": writes the currently filtered rows of a list, every page, to an .xlsx download. */
export function ExportButton<T>({ fileName, sheetName, columns, fetchRows }: ExportButtonProps<T>) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async () => {
    setBusy(true);
    setError('');
    try {
      const rows = await fetchRows();
      const { writeWorkbook } = await import('./writeWorkbook');
      const bytes = await writeWorkbook(sheetName, columns, rows);
      saveFile(bytes, `${fileName}-${new Date().toISOString().slice(0, 10)}.xlsx`);
    } catch (failure) {
      setError(t('export.failed', { message: describeError(t, failure) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="export-button">
      <button type="button" className="button button--secondary" onClick={() => void run()} disabled={busy} aria-busy={busy || undefined}>
        {busy ? t('export.running') : t('export.button')}
      </button>
      {error && (
        <span className="form-error export-button__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
