import { useTranslation } from 'react-i18next';
import { LazyInstanceDiagram } from '../instances/LazyInstanceDiagram';
import type { InstanceDetail } from '@dealerflow/contract';

/** The case's diagram: the path it took and where it waits now. */
export function CaseDiagram({ detail, xml }: { detail: InstanceDetail; xml: string }) {
  const { t } = useTranslation();
  return (
    <section className="card case-diagram" aria-labelledby="case-diagram-title">
      <h2 id="case-diagram-title" className="card__title">{t('instances.diagram.title')}</h2>
      <LazyInstanceDiagram xml={xml} detail={detail} heatmap={null} />
      <p className="diagram-legend muted">
        <span className="legend-swatch legend-swatch--completed" aria-hidden="true" /> {t('instances.diagram.legendCompleted')}
        <span className="legend-swatch legend-swatch--active" aria-hidden="true" /> {t('instances.diagram.legendActive')}
      </p>
    </section>
  );
}
