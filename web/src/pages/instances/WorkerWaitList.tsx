import { useTranslation } from 'react-i18next';
import type { ElementNamer } from './elementName';
import type { InstanceDetail } from '@dealerflow/contract';

/** Steps whose jobs wait for the customer's own worker: named with their job type, shown as waiting, not as errors. */
export function WorkerWaitList({ waits, name }: { waits: InstanceDetail['waitingForWorker']; name: ElementNamer }) {
  const { t } = useTranslation();
  return (
    <section className="card instance-section" aria-labelledby="instance-worker-waits" data-testid="worker-waits">
      <h2 id="instance-worker-waits" className="card__title">{t('instances.workerWaits.title')}</h2>
      <p className="muted">{t('instances.workerWaits.hint')}</p>
      <ul className="incident-list">
        {waits.map((wait) => (
          <li key={wait.elementId} className="worker-wait" data-element={wait.elementId} data-job-type={wait.jobType}>
            <div className="incident__head">
              <strong>{name(wait.elementId)}</strong>
              <span className="badge">{t('instances.workerWaits.job', { type: wait.jobType })}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
