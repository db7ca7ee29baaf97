import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export type Decision = 'approve' | 'reject' | 'requestInfo';

/** The reason box and the three decision buttons that act on every selected task. */
export function DecisionBar({ count, busy, onDecide }: { count: number; busy: boolean; onDecide: (decision: Decision, reason: string) => Promise<boolean> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const tooShort = reason.trim().length < 5;
  const decide = async (decision: Decision) => {
    setTouched(true);
    if (tooShort || count === 0) return;
    if (await onDecide(decision, reason.trim())) {
      setReason('');
      setTouched(false);
    }
  };
  return (
    <section className="card decision-bar" aria-label={t('approvals.decision')}>
      <div className="field">
        <label htmlFor="decision-reason">{t('approvals.reason')}</label>
        <textarea id="decision-reason" rows={2} value={reason} aria-invalid={touched && tooShort} aria-describedby="decision-reason-hint" onChange={(event) => setReason(event.target.value)} />
        <p id="decision-reason-hint" className={touched && tooShort ? 'form-error' : 'muted'}>
          {t('approvals.reasonHint')}
        </p>
      </div>
      <div className="decision-bar__actions">
        <span className="muted">{t('approvals.selected', { count })}</span>
        <button type="button" className="button button--primary" disabled={busy || count === 0} onClick={() => void decide('approve')}>
          {t('approvals.approve')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy || count === 0} onClick={() => void decide('reject')}>
          {t('approvals.reject')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy || count === 0} onClick={() => void decide('requestInfo')}>
          {t('approvals.requestInfo')}
        </button>
      </div>
    </section>
  );
}
