import { useTranslation } from 'react-i18next';

/** The three outcomes an approver can give. */
export type Decision = 'approve' | 'reject' | 'requestInfo';

/** The id of the reason box, so the keyboard shortcuts can send the approver there. */
export const reasonFieldId = 'decision-reason';

interface DecisionBarProps {
  count: number;
  busy: boolean;
  reason: string;
  /** The approver tried to decide without a reason long enough. */
  invalid: boolean;
  onReason: (reason: string) => void;
  onDecide: (decision: Decision) => void;
}

/** The reason box and the three decision buttons that act on every selected task. */
export function DecisionBar({ count, busy, reason, invalid, onReason, onDecide }: DecisionBarProps) {
  const { t } = useTranslation();
  return (
    <section className="card decision-bar" aria-label={t('approvals.decision')}>
      <div className="field">
        <label htmlFor={reasonFieldId}>{t('approvals.reason')}</label>
        <textarea id={reasonFieldId} rows={2} value={reason} aria-invalid={invalid} aria-describedby="decision-reason-hint" onChange={(event) => onReason(event.target.value)} />
        <p id="decision-reason-hint" className={invalid ? 'form-error' : 'muted'}>
          {t('approvals.reasonHint')}
        </p>
      </div>
      <div className="decision-bar__actions">
        <span className="muted">{t('approvals.selected', { count })}</span>
        <button type="button" className="button button--primary" disabled={busy || count === 0} onClick={() => onDecide('approve')}>
          {t('approvals.approve')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy || count === 0} onClick={() => onDecide('reject')}>
          {t('approvals.reject')}
        </button>
        <button type="button" className="button button--secondary" disabled={busy || count === 0} onClick={() => onDecide('requestInfo')}>
          {t('approvals.requestInfo')}
        </button>
      </div>
      <p className="muted decision-bar__keys" data-testid="queue-keys">
        {t('approvals.keys')}
      </p>
    </section>
  );
}
