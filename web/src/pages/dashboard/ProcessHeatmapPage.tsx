import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useApiResource } from '../../api/useApiResource';
import { LoadError } from '../../components/LoadError';
import { PageHeader } from '../../components/PageHeader';
import { StatusPanel } from '../../components/StatusPanel';
import { LazyInstanceDiagram } from '../instances/LazyInstanceDiagram';
import type { InstanceDetail, ProcessHeatmap } from '@dealerflow/contract';
import { heatmapPath } from './heatmapPath';
import '../instances/instances.css';

/** The diagram painter wants an instance; a heatmap has none, only the process it paints. */
function noInstance(heatmap: ProcessHeatmap): InstanceDetail {
  return { processInstanceKey: '', bpmnProcessId: heatmap.bpmnProcessId, version: heatmap.version, state: 'ACTIVE', variables: {}, history: [], incidents: [], activeElementIds: [], waitingForWorker: [], caseRef: null, dealerId: null, startedAt: null, endedAt: null, people: {} };
}

function Header({ processId, name }: { processId: string; name?: string }) {
  const { t } = useTranslation();
  const title = t('dashboard.heatmap.title', { process: t(`cases.processes.${processId}`, { defaultValue: name ?? processId }) });
  return <PageHeader title={title} description={t('instances.heatmap.legend')} actions={<Link to="/dashboard">{t('dashboard.heatmap.back')}</Link>} />;
}

function HeatmapView({ heatmap }: { heatmap: ProcessHeatmap }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { resource, reload } = useApiResource<{ name: string; xml: string }>(`/api/processes/${encodeURIComponent(heatmap.bpmnProcessId)}/versions/${heatmap.version}`);
  return (
    <>
      <Header processId={heatmap.bpmnProcessId} name={resource.status === 'ready' ? resource.data.name : undefined} />
      <section className="card instance-section" aria-labelledby="heatmap-title" data-testid="process-heatmap">
        <div className="heatmap-toolbar">
          <h2 id="heatmap-title" className="card__title">{t('instances.heatmap.title', { version: heatmap.version })}</h2>
          {heatmap.versions.length > 1 && (
            <label className="filter-bar__field">
              {t('dashboard.heatmap.version')}
              <select value={heatmap.version} onChange={(e) => void navigate(heatmapPath(heatmap.bpmnProcessId, Number(e.target.value)))} data-testid="heatmap-version">
                {heatmap.versions.map((v) => <option key={v} value={v}>{t('dashboard.heatmap.versionOption', { version: v })}</option>)}
              </select>
            </label>
          )}
        </div>
        {heatmap.elements.length === 0 && <p className="muted">{t('dashboard.heatmap.noTraffic')}</p>}
        {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
        {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
        {resource.status === 'ready' && <LazyInstanceDiagram xml={resource.data.xml} detail={noInstance(heatmap)} heatmap={heatmap} />}
      </section>
    </>
  );
}

/** A process version's heatmap, opened from the dashboard's process list: how often each step ran and how long it held. */
export function ProcessHeatmapPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const [search] = useSearchParams();
  const version = search.get('version');
  const { resource, reload } = useApiResource<ProcessHeatmap>(`/api/processes/${encodeURIComponent(processId)}/heatmap${version ? `?version=${encodeURIComponent(version)}` : ''}`);
  if (resource.status === 'ready') return <HeatmapView heatmap={resource.data} />;
  return (
    <>
      <Header processId={processId} />
      {resource.status === 'loading' && <StatusPanel kind="loading" title={t('status.loading')} />}
      {resource.status === 'error' && <LoadError error={resource.error} onRetry={reload} />}
    </>
  );
}
