import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { diagramNames, elementNamer } from '../instances/elementName';
import type { InstanceDetail } from '@dealerflow/contract';
import { caseTimeline, elementKinds } from './caseTimeline';

/** The case's progress for a person: where it waits now, then every step it passed, newest first. */
export function CaseTimeline({ detail, xml }: { detail: InstanceDetail; xml: string }) {
  const { t, i18n } = useTranslation();
  // the diagram is read once, not on every refresh of the case
  const kinds = useMemo(() => elementKinds(xml), [xml]);
  const names = useMemo(() => diagramNames(xml), [xml]);
  const steps = caseTimeline(detail.history, kinds, detail.activeElementIds);
  const now = steps.filter((step) => step.status === 'now');
  const name = elementNamer(t, detail.bpmnProcessId, names);
  const when = (at: number) => formatDateTime(new Date(at).toISOString(), i18n.language);
  // Over the wire the case list may learn of the end a moment after the engine's history shows it: the last step's time stands in.
  const endedAt = detail.endedAt ?? (steps.length > 0 ? new Date(Math.max(...steps.map((step) => step.at))).toISOString() : null);
  return (
    <section className="card case-timeline" aria-labelledby="case-timeline-title">
      <h2 id="case-timeline-title" className="card__title">{t('case.timeline.title')}</h2>
      <p className="case-timeline__now" data-testid="case-current-step">
        {now.length > 0
          ? t('case.timeline.now', { steps: now.map((step) => name(step.elementId)).join(', '), since: when(now[0].at) })
          : endedAt
            ? t(`case.timeline.ended.${detail.state}`, { at: formatDateTime(endedAt, i18n.language) })
            : t(`case.timeline.endedUndated.${detail.state}`)}
      </p>
      <ol className="timeline" data-testid="case-timeline">
        {[...steps].reverse().map((step, index) => (
          <li key={`${step.elementId}-${index}`} className={`timeline__step timeline__step--${step.status}`} data-status={step.status}>
            <span className="timeline__dot" aria-hidden="true" />
            <span className="timeline__name">{name(step.elementId)}</span>
            <span className="timeline__meta muted">
              {t(`case.timeline.status.${step.status}`)} · <time dateTime={new Date(step.at).toISOString()}>{when(step.at)}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
