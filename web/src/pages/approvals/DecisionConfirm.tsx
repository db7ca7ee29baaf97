import { useTranslation } from 'react-i18next';
import type { ApprovalItem } from '../../api/types';
import { formatMoney } from '../../format';
import type { Decision } from './DecisionBar';

/** A bulk decision waiting for its confirmation. */
export interface PendingDecision {
  decision: Decision;
  items: ApprovalItem[];
  reason: string;
}

/** The summary of a bulk decision (how many, which cases, which dealers, how much, why) with Confirm and Cancel. */
export function DecisionConfirm({ pending, dealerName, busy, onConfirm, onCancel }: { pending: PendingDecision; dealerName: (id: string) => string; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const total = pending.items.reduce((sum, item) => sum + (item.summary.claimAmount ?? 0), 0);
  const dealers = [...new Set(pending.items.map((item) => (item.dealerId ? dealerName(item.dealerId) : '—')))];
  return (
    <section className="card decision-confirm" role="alertdialog" aria-labelledby="decision-confirm-title" data-testid="decision-confirm">
      <h2 id="decision-confirm-title" className="decision-confirm__title">
        {t(`approvals.confirm.${pending.decision}`, { count: pending.items.length })}
      </h2>
      <dl className="facts">
        <div>
          <dt>{t('approvals.confirm.cases')}</dt>
          <dd className="mono">{pending.items.map((item) => item.caseRef ?? item.key).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('approvals.confirm.dealers')}</dt>
          <dd>{dealers.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('approvals.confirm.total')}</dt>
          <dd>{formatMoney(total, language)}</dd>
        </div>
        <div>
          <dt>{t('approvals.reason')}</dt>
          <dd>{pending.reason}</dd>
        </div>
      </dl>
      <div className="decision-bar__actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={onConfirm} autoFocus>
          {t('approvals.confirm.yes')}
        </button>
        <button type="button" className="button button--ghost" disabled={busy} onClick={onCancel}>
          {t('approvals.confirm.no')}
        </button>
      </div>
    </section>
  );
}
