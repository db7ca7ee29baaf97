import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { ExportButton } from '../../export/ExportButton';
import { formatDate, formatMoney } from '../../format';
import { usePeopleNames } from '../usePeopleNames';
import { ledgerExportColumns } from './vehicleExports';
import type { DealerLedgerView } from './vehicleTypes';

const today = () => new Date().toISOString().slice(0, 10);

/** The documents behind a dealer's debt, the overdrafts finance granted, and (for administrators) booking an invoice or payment. */
export function LedgerPanel({ dealerId, canBook, onBooked }: { dealerId: string; canBook: boolean; onBooked: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const path = `/api/finance/ledger/${encodeURIComponent(dealerId)}`;
  const { resource, reload } = useApiResource<DealerLedgerView>(path);
  const nameOf = usePeopleNames();
  const [draft, setDraft] = useState({ kind: 'payment', reference: '', amount: '', bookedAt: today() });
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const book = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(path, { method: 'POST', body: { ...draft, amount: Number(draft.amount.replace(/\s/g, '').replace(',', '.')) } });
      setDraft({ ...draft, reference: '', amount: '' });
      reload();
      onBooked();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="ledger" data-testid="ledger-panel">
      <div className="section-header">
        <h3>{t('vehicles.ledger.title')}</h3>
        {resource.status === 'ready' && (
          <ExportButton fileName={`ledger-${dealerId}`} sheetName={t('vehicles.ledger.title')} columns={ledgerExportColumns(t)} fetchRows={async () => (await apiFetch<DealerLedgerView>(path)).lines} />
        )}
      </div>
      {canBook && (
        <form className="ledger__book filters" onSubmit={(event) => void book(event)} aria-label={t('vehicles.ledger.book')}>
          <label>
            {t('vehicles.ledger.kind')}
            <select value={draft.kind} onChange={(event) => setDraft({ ...draft, kind: event.target.value })}>
              <option value="payment">{t('vehicles.ledger.kinds.payment')}</option>
              <option value="invoice">{t('vehicles.ledger.kinds.invoice')}</option>
            </select>
          </label>
          <label>
            {t('vehicles.ledger.reference')}
            <input required maxLength={64} value={draft.reference} onChange={(event) => setDraft({ ...draft, reference: event.target.value })} />
          </label>
          <label>
            {t('vehicles.ledger.amount')}
            <input required inputMode="decimal" value={draft.amount} onChange={(event) => setDraft({ ...draft, amount: event.target.value })} />
          </label>
          <label>
            {t('vehicles.ledger.bookedAt')}
            <input required type="date" value={draft.bookedAt} onChange={(event) => setDraft({ ...draft, bookedAt: event.target.value })} />
          </label>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('vehicles.ledger.book')}
          </button>
          {message && <p className="form-error" role="alert">{message}</p>}
        </form>
      )}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
      {resource.status === 'ready' && (
        <>
          <div className="table-wrap">
            <table className="data-table" data-testid="ledger-table">
              <thead>
                <tr>
                  <th scope="col">{t('vehicles.ledger.bookedAt')}</th>
                  <th scope="col">{t('vehicles.ledger.kind')}</th>
                  <th scope="col">{t('vehicles.ledger.reference')}</th>
                  <th scope="col" className="numeric">{t('vehicles.ledger.amount')}</th>
                </tr>
              </thead>
              <tbody>
                {resource.data.lines.map((line) => (
                  <tr key={`${line.kind}-${line.reference}`} data-reference={line.reference}>
                    <td>{formatDate(line.bookedAt, language)}</td>
                    <td>{t(`vehicles.ledger.kinds.${line.kind}`)}</td>
                    <td className="mono">{line.reference}</td>
                    <td className="numeric">{line.kind === 'invoice' ? '' : '−'}{formatMoney(line.amount, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {resource.data.overdrafts.length > 0 && (
            <ul className="ledger__overdrafts">
              {resource.data.overdrafts.map((o) => (
                <li key={`${o.caseRef}-${o.grantedAt}`}>
                  {t('vehicles.ledger.overdraft', { amount: formatMoney(o.amount, language), until: formatDate(o.expiresAt, language), who: nameOf(o.grantedBy), caseRef: o.caseRef })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
