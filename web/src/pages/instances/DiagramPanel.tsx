import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../components/LoadError';
import { StatusPanel } from '../../components/StatusPanel';
import { useApiResource, type Resource } from '../../api/useApiResource';
import type { ElementNamer } from './elementName';
import { LazyInstanceDiagram } from './LazyInstanceDiagram';
import type { InstanceDetail, InstanceDiagramSource, ProcessHeatmap } from '@dealerflow/contract';

function HeatmapLoader({ detail, children }: { detail: InstanceDetail; children: (heatmap: ProcessHeatmap) => React.ReactNode }) {
  const { t } = useTranslation();
  const { resource, reload } = useApiResource<ProcessHeatmap>(`/api/processes/${encodeURIComponent(detail.bpmnProcessId)}/heatmap?version=${detail.version}`);
  if (resource.status === 'loading') return <StatusPanel kind="loading" title={t('status.loading')} />;
  if (resource.status === 'error') return <LoadError error={resource.error} onRetry={reload} />;
  return children(resource.data);
}

/** The diagram card: the instance's path and tokens, or, toggled, the version's heatmap. */
export function DiagramPanel({ detail, diagram, onReload, name }: { detail: InstanceDetail; diagram: Resource<InstanceDiagramSource>; onReload: () => void; name: ElementNamer }) {
  const { t } = useTranslation();
  const [showHeat, setShowHeat] = useState(false);
  return (
    <section className="card instance-section" aria-labelledby="instance-diagram-title">
      <div className="instance-section__head">
        <h2 id="instance-diagram-title" className="card__title">{showHeat ? t('instances.heatmap.title', { version: detail.version }) : t('instances.diagram.title')}</h2>
        <button type="button" className="button button--secondary" aria-pressed={showHeat} onClick={() => setShowHeat((on) => !on)} data-testid="heatmap-toggle">
          {showHeat ? t('instances.heatmap.hide') : t('instances.heatmap.show')}
        </button>
      </div>
      {diagram.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {diagram.status === 'error' && <LoadError error={diagram.error} onRetry={onReload} />}
      {diagram.status === 'ready' && (showHeat ? (
        <HeatmapLoader detail={detail}>{(heatmap) => <LazyInstanceDiagram xml={diagram.data.xml} detail={detail} heatmap={heatmap} />}</HeatmapLoader>
      ) : (
        <LazyInstanceDiagram xml={diagram.data.xml} detail={detail} heatmap={null} />
      ))}
      <p className="diagram-legend muted">
        {showHeat ? t('instances.heatmap.legend') : (
          <>
            <span className="legend-swatch legend-swatch--completed" aria-hidden="true" /> {t('instances.diagram.legendCompleted')}
            <span className="legend-swatch legend-swatch--active" aria-hidden="true" /> {t('instances.diagram.legendActive')}
            <span className="legend-swatch legend-swatch--incident" aria-hidden="true" /> {t('instances.diagram.legendIncident')}
            <span className="legend-swatch legend-swatch--terminated" aria-hidden="true" /> {t('instances.diagram.legendTerminated')}
          </>
        )}
      </p>
      {!showHeat && (
        <p data-testid="active-elements">
          {detail.activeElementIds.length ? t('instances.diagram.activeNow', { elements: detail.activeElementIds.map(name).join(', ') }) : t('instances.diagram.noTokens')}
        </p>
      )}
    </section>
  );
}
