import type { DecisionGap, DecisionView } from '@dealerflow/designer';
import { useTranslation } from 'react-i18next';

/** Before a DMN deploy: the decisions it makes new versions of, and what stops it (an empty or placeholder table). */
export function DecisionReview({ views, gaps, busy, onDeploy }: { views: DecisionView[]; gaps: DecisionGap[]; busy: boolean; onDeploy: () => void }) {
  const { t } = useTranslation();
  const decisions = views.filter((view) => view.type !== 'drd');
  return (
    <section className="decision-review" aria-labelledby="decision-review-title" data-testid="decision-review">
      <header className="decision-review__header">
        <h2 id="decision-review-title" className="decision-review__title">
          {t('decisions.review.title')}
        </h2>
        <button type="button" className="button button--primary" disabled={busy || gaps.length > 0} onClick={onDeploy}>
          {busy ? t('decisions.deploying') : t('decisions.deploy')}
        </button>
      </header>
      {gaps.length > 0 ? (
        <div role="alert" className="decision-review__blocked">
          <p>{t('decisions.review.blocked')}</p>
          <ul>
            {gaps.map((gap) => (
              <li key={`${gap.decisionId}:${gap.kind}`}>{t(`decisions.review.gap.${gap.kind}`, { name: gap.name, id: gap.decisionId })}</li>
            ))}
          </ul>
        </div>
      ) : (
        <ul className="decision-review__list">
          {decisions.map((view) => (
            <li key={`${view.type}:${view.id}`}>{t('decisions.review.newVersion', { name: view.name, id: view.id })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
