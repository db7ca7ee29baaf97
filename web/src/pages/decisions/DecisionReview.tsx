import type { DecisionDiff, DecisionReview as ReviewAnswer } from '@dealerflow/contract';
import type { DecisionGap } from '@dealerflow/designer';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiFetch } from '../../api/apiFetch';
import { describeError } from '../../api/describeError';
import { changeLines } from './decisionChanges';

type Comparison = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; decisions: DecisionDiff[] };

/** One decision of the file: a first version, unchanged, or what changes against the deployed version. */
function DecisionChanges({ diff }: { diff: DecisionDiff }) {
  const { t } = useTranslation();
  const names = { name: diff.name, id: diff.decisionId, version: diff.deployedVersion };
  if (diff.deployedVersion === null) return <li data-decision-id={diff.decisionId}>{t('decisions.changes.firstVersion', names)}</li>;
  if (diff.unchanged) return <li data-decision-id={diff.decisionId}>{t('decisions.changes.unchanged', names)}</li>;
  return (
    <li data-decision-id={diff.decisionId}>
      {t('decisions.changes.changed', names)}
      <ul className="decision-review__changes">
        {changeLines(t, diff).map((line, i) => <li key={i}>{line}</li>)}
      </ul>
    </li>
  );
}

/**
 * Before a DMN deploy: what stops it (an empty or placeholder table), or for each decision
 * what changes against its deployed version (rules, cells, columns, hit policy).
 */
export function DecisionReview({ fileName, xml, gaps, busy, onDeploy }: { fileName: string; xml: () => Promise<string>; gaps: DecisionGap[]; busy: boolean; onDeploy: () => void }) {
  const { t } = useTranslation();
  const [comparison, setComparison] = useState<Comparison>({ status: 'loading' });
  useEffect(() => {
    if (gaps.length) return;
    let live = true;
    void xml()
      .then((content) => apiFetch<ReviewAnswer>('/api/decisions/review', { method: 'POST', body: { name: fileName.endsWith('.dmn') ? fileName : `${fileName}.dmn`, content } }))
      .then(
        (result) => live && setComparison({ status: 'ready', decisions: result.decisions }),
        (error: unknown) => live && setComparison({ status: 'error', message: describeError(t, error) }),
      );
    return () => {
      live = false;
    };
    // The review compares the file as it was when the review opened (it is closed and opened again to compare anew).
  }, []);
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
      ) : comparison.status === 'loading' ? (
        <p className="decision-review__note">{t('decisions.changes.loading')}</p>
      ) : comparison.status === 'error' ? (
        <p role="alert" className="decision-review__blocked">{t('decisions.changes.failed', { message: comparison.message })}</p>
      ) : (
        <ul className="decision-review__list">
          {comparison.decisions.map((diff) => <DecisionChanges key={diff.decisionId} diff={diff} />)}
        </ul>
      )}
    </section>
  );
}
