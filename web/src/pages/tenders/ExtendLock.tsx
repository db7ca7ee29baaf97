import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import type { TenderRow } from './tenderTypes';

/** The approver's one extension of a lock: how many days and why. */
export function ExtendLock({ row, onDone }: { row: TenderRow; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState(14);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)} disabled={row.extensions > 0} title={row.extensions > 0 ? t('tenders.extend.usedUp') : undefined}>
        {t('tenders.extend.open')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage('');
    try {
      await apiFetch(`/api/tenders/${encodeURIComponent(row.caseRef)}/extend`, { method: 'POST', body: { days, reason } });
      setOpen(false);
      onDone();
    } catch (error) {
      setMessage(describeError(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="extend-lock" onSubmit={(event) => void submit(event)} aria-label={t('tenders.extend.title', { number: row.tenderNumber })}>
      <label>
        {t('tenders.extend.days')}
        <input type="number" min={1} max={90} value={days} onChange={(event) => setDays(Number(event.target.value))} required />
      </label>
      <label>
        {t('tenders.extend.reason')}
        <input type="text" minLength={3} maxLength={2000} value={reason} onChange={(event) => setReason(event.target.value)} required />
      </label>
      <button type="submit" className="button button--primary button--small" disabled={busy}>{t('tenders.extend.submit')}</button>
      <button type="button" className="button button--secondary button--small" onClick={() => setOpen(false)}>{t('tenders.extend.cancel')}</button>
      {message && <p className="form-error" role="alert">{message}</p>}
    </form>
  );
}
