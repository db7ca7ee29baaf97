import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StatusPanel } from '../../components/StatusPanel';
import { heatmapPath } from './heatmapPath';
import type { DashboardProcess } from '@dealerflow/contract';

/** The deployed processes, each with its running cases and a link to its heatmap. */
export function ProcessList({ processes, label, language }: { processes: DashboardProcess[]; label: (p: DashboardProcess) => string; language: string }) {
  const { t } = useTranslation();
  const numbers = new Intl.NumberFormat(language);
  return (
    <section className="card dashboard-card dashboard-card--wide" aria-labelledby="dashboard-processes-title" data-testid="dashboard-processes">
      <h2 id="dashboard-processes-title" className="card__title">{t('dashboard.processes.title')}</h2>
      {processes.length === 0 ? <StatusPanel kind="empty" title={t('dashboard.processes.empty')} /> : (
        <div className="table-wrap">
          <table className="data-table data-table--cards">
            <caption className="visually-hidden">{t('dashboard.processes.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.processes.name')}</th>
                <th scope="col">{t('dashboard.processes.version')}</th>
                <th scope="col">{t('dashboard.processes.active')}</th>
                <th scope="col"><span className="visually-hidden">{t('dashboard.processes.heatmap')}</span></th>
              </tr>
            </thead>
            <tbody>
              {processes.map((p) => (
                <tr key={p.bpmnProcessId} data-process={p.bpmnProcessId}>
                  <td data-label={t('dashboard.processes.name')}>{label(p)}</td>
                  <td data-label={t('dashboard.processes.version')}>{numbers.format(p.latestVersion)}</td>
                  <td data-label={t('dashboard.processes.active')}>{numbers.format(p.activeInstances)}</td>
                  <td>
                    <Link to={heatmapPath(p.bpmnProcessId)} data-testid={`heatmap-link-${p.bpmnProcessId}`} aria-label={t('dashboard.processes.heatmapOf', { process: label(p) })}>
                      {t('dashboard.processes.heatmap')}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
