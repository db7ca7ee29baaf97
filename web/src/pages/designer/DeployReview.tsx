import { diffDefinitions, readDefinitions, type DefinitionsDiff, type Designer } from '@dealerflow/designer';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/ApiError';
import { describeError } from '../../api/describeError';
import { designerApi } from './designerApi';
import { DiffList } from './DiffList';
import { FormChangeList } from './FormChangeList';
import { formChanges, type FormChanges } from './formChanges';
import { linkedForms } from './linkedForms';

const EMPTY = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="empty" targetNamespace="http://dealerflow.example/bpmn" />';

type Review = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; latest: number | null; diff: DefinitionsDiff; forms: FormChanges };

/** The open diagram against the latest deployed version of its process, or against nothing when it was never deployed. */
async function reviewOf(designer: Designer): Promise<{ latest: number | null; diff: DefinitionsDiff; forms: FormChanges }> {
  const processId = designer.processId();
  let latest: { version: number; xml: string; forms: { id: string }[] } | null = null;
  if (processId) {
    try {
      const [newest] = await designerApi.versions(processId);
      if (newest) latest = await designerApi.version(processId, newest.version);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error;
    }
  }
  const { xml } = await designer.snapshot();
  const [before, after, forms] = await Promise.all([readDefinitions(latest?.xml ?? EMPTY), readDefinitions(xml), linkedForms(designer, latest?.forms ?? [])]);
  return { latest: latest?.version ?? null, diff: diffDefinitions(before.definitions, after.definitions), forms: formChanges(latest?.forms ?? [], forms) };
}

/** Before a deploy: what the diagram changes against the running version, and the button that makes it the next one. */
export function DeployReview({ designer, blocked, onDeploy }: { designer: Designer; blocked: boolean; onDeploy: () => Promise<void> }) {
  const { t } = useTranslation();
  const [review, setReview] = useState<Review>({ status: 'loading' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    reviewOf(designer).then(
      (result) => live && setReview({ status: 'ready', ...result }),
      (error: unknown) => live && setReview({ status: 'error', message: describeError(t, error) }),
    );
    return () => {
      live = false;
    };
  }, [designer, t]);

  async function deploy() {
    setBusy(true);
    try {
      await onDeploy();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="server-panel" aria-labelledby="deploy-review-title" data-testid="deploy-review">
      <header className="server-panel__header">
        <h2 id="deploy-review-title" className="server-panel__title">
          {t('designer.review.title')}
        </h2>
        {review.status === 'ready' && (
          <span className="server-panel__note">{review.latest === null ? t('designer.review.firstVersion') : t('designer.review.against', { version: review.latest })}</span>
        )}
        <button type="button" className="button button--primary server-panel__action" disabled={busy || blocked || review.status !== 'ready'} onClick={() => void deploy()}>
          {t('designer.review.deploy')}
        </button>
      </header>
      {blocked && <p className="server-panel__warning">{t('designer.review.blocked')}</p>}
      {review.status === 'loading' && <p className="server-panel__empty">{t('designer.review.loading')}</p>}
      {review.status === 'error' && (
        <p className="server-panel__warning" role="alert">
          {review.message}
        </p>
      )}
      {review.status === 'ready' && <DiffList diff={review.diff} />}
      {review.status === 'ready' && <FormChangeList changes={review.forms} />}
    </section>
  );
}
