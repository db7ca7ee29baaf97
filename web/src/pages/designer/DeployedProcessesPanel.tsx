import { useTranslation } from 'react-i18next';
import { useApiResource } from '../../api/useApiResource';
import { formatDateTime } from '../../format';
import type { DeployedProcess } from './designerApi';

/** The deployed processes, by name, each opening at its latest version (older ones are a click away in Versions). */
export function DeployedProcessesPanel({ onOpen }: { onOpen: (process: DeployedProcess) => void }) {
  const { t, i18n } = useTranslation();
  const { resource } = useApiResource<{ items: DeployedProcess[] }>('/api/designer/processes');
  return (
    <section className="server-panel" aria-labelledby="deployed-title" data-testid="deployed-panel">
      <header className="server-panel__header">
        <h2 id="deployed-title" className="server-panel__title">
          {t('designer.deployed.title')}
        </h2>
      </header>
      {resource.status === 'loading' && <p className="server-panel__empty">{t('designer.deployed.loading')}</p>}
      {resource.status === 'error' && <p className="server-panel__warning">{t('designer.deployed.failed')}</p>}
      {resource.status === 'ready' && !resource.data.items.length && <p className="server-panel__empty">{t('designer.deployed.none')}</p>}
      {resource.status === 'ready' && resource.data.items.length > 0 && (
        <ul className="draft-list">
          {resource.data.items.map((item) => (
            <li key={item.processId}>
              <button type="button" className="draft-row" data-process-id={item.processId} onClick={() => onOpen(item)}>
                <span className="draft-row__name">{item.name}</span>
                <span className="draft-row__id mono">{item.processId}</span>
                <span className="draft-row__meta">
                  {t('designer.deployed.latest', { version: item.latestVersion, count: item.versions, by: item.deployedBy, at: formatDateTime(item.deployedAt, i18n.language) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
