import type { StockImportResult } from '@dealerflow/contract';
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import { uploadFile } from '../../api/uploadFile';

/** One problem the server found in the file (see the stock import on the server). */
interface RowError {
  row: number;
  column: string;
  problem: string;
  value: string;
}

type Outcome = { kind: 'imported'; added: number; updated: number } | { kind: 'rows'; errors: RowError[] } | { kind: 'failed'; message: string };

/** "Import from Excel or CSV" for master data administrators: the whole file or nothing, every bad row listed. */
export function StockImport({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const column = (name: string) => (name === 'vin' ? 'VIN' : t(`vehicles.columns.${name}`));

  const failure = (error: unknown): Outcome => {
    if (!(error instanceof ApiError)) return { kind: 'failed', message: describeError(t, error) };
    const details = (error.details ?? {}) as { errors?: RowError[]; columns?: string[]; max?: number };
    switch (error.code) {
      case 'stock_file_invalid':
        return { kind: 'rows', errors: details.errors ?? [] };
      case 'stock_file_columns':
        return { kind: 'failed', message: t('vehicles.import.missingColumns', { columns: (details.columns ?? []).map(column).join(', ') }) };
      case 'stock_file_too_long':
        return { kind: 'failed', message: t('vehicles.import.tooLong', { max: details.max }) };
      case 'stock_file_type':
      case 'stock_file_unreadable':
      case 'stock_file_empty':
        return { kind: 'failed', message: t(`vehicles.import.${error.code}`) };
      default:
        return { kind: 'failed', message: describeError(t, error) };
    }
  };

  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setBusy(true);
    setOutcome(null);
    try {
      const result = await uploadFile<StockImportResult>(`/api/stock/import?name=${encodeURIComponent(file.name)}`, file);
      setOutcome({ kind: 'imported', ...result });
      onImported();
    } catch (error) {
      setOutcome(failure(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="stock-import" data-testid="stock-import">
      <button type="button" className="button button--secondary" disabled={busy} aria-busy={busy || undefined} onClick={() => input.current?.click()}>
        {busy ? t('vehicles.import.running') : t('vehicles.import.button')}
      </button>
      <input ref={input} type="file" accept=".xlsx,.csv" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(event) => void upload(event)} data-testid="stock-import-file" />
      <p className="muted stock-import__hint">{t('vehicles.import.hint')}</p>
      {outcome?.kind === 'imported' && (
        <p role="status" className="stock-import__done">
          {t('vehicles.import.done', { added: outcome.added, updated: outcome.updated })}
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p role="alert" className="form-error">
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'rows' && (
        <div role="alert" className="stock-import__errors">
          <p className="form-error">{t('vehicles.import.rejected', { count: outcome.errors.length })}</p>
          <table className="data-table" data-testid="stock-import-errors">
            <thead>
              <tr>
                <th scope="col">{t('vehicles.import.row')}</th>
                <th scope="col">{t('vehicles.import.column')}</th>
                <th scope="col">{t('vehicles.import.value')}</th>
                <th scope="col">{t('vehicles.import.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.errors.map((e) => (
                <tr key={`${e.row}-${e.column}`}>
                  <td className="numeric">{e.row}</td>
                  <td>{column(e.column)}</td>
                  <td className="mono">{e.value || '—'}</td>
                  <td>{t(`vehicles.import.problems.${e.problem}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
