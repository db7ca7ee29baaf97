import type { DefinitionsDiff } from '@dealerflow/designer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeError } from '../../api/describeError';
import { useApiResource } from '../../api/useApiResource';
import { formatDateTime } from '../../format';
import { designerApi, type VersionSummary } from './designerApi';
import { DiffList } from './DiffList';

/** The deployed versions of a process, newest first: what each changed, and rollback to any older one. */
export function VersionsPanel({ processId, onOpen }: { processId: string; onOpen: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const { resource, refresh } = useApiResource<{ items: VersionSummary[] }>(`/api/processes/${encodeURIComponent(processId)}/versions`);
  const [shown, setShown] = useState<{ version: number; diff: DefinitionsDiff; against: number | null } | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  async function showDiff(version: number) {
    if (shown?.version === version) return setShown(null);
    try {
      setShown(await designerApi.diff(processId, version));
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    }
  }

  async function rollback(version: number) {
    if (!window.confirm(t('designer.versions.confirmRollback', { version }))) return;
    try {
      const result = await designerApi.rollback(processId, version);
      const created = result.processes.find((p) => p.bpmnProcessId === processId)?.version ?? version;
      setMessage({ kind: 'info', text: t('designer.versions.rolledBack', { version, created }) });
      refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: describeError(t, error) });
    }
  }

  return (
    <section className="server-panel" aria-labelledby="versions-title" data-testid="versions-panel">
      <header className="server-panel__header">
        <h2 id="versions-title" className="server-panel__title">
          {t('designer.versions.title', { processId })}
        </h2>
      </header>
      {message && (
        <p className={message.kind === 'error' ? 'server-panel__warning' : 'server-panel__note'} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {resource.status === 'loading' && <p className="server-panel__empty">{t('designer.versions.loading')}</p>}
      {resource.status === 'error' && <p className="server-panel__empty">{t('designer.versions.none')}</p>}
      {resource.status === 'ready' && (
        <ul className="version-list">
          {resource.data.items.map((item, index) => (
            <li key={item.version} className="version-row" data-version={item.version}>
              <div className="version-row__line">
                <span className="version-row__number">v{item.version}</span>
                {index === 0 && <span className="version-row__latest">{t('designer.versions.latest')}</span>}
                <span className="version-row__meta">{t('designer.versions.deployed', { at: formatDateTime(item.deployedAt, i18n.language), by: item.deployedBy })}</span>
                <span className="version-row__checksum mono" title={item.checksum ?? ''}>
                  {item.checksum ? item.checksum.slice(0, 12) : '—'}
                </span>
                <span className="version-row__actions">
                  <button type="button" className="button button--ghost" onClick={() => void showDiff(item.version)}>
                    {t('designer.versions.changes')}
                  </button>
                  <button type="button" className="button button--ghost" onClick={() => onOpen(item.version)}>
                    {t('designer.versions.open')}
                  </button>
                  {index > 0 && (
                    <button type="button" className="button button--secondary" onClick={() => void rollback(item.version)}>
                      {t('designer.versions.rollback')}
                    </button>
                  )}
                </span>
              </div>
              {shown?.version === item.version && (
                <div className="version-row__diff">
                  <p className="server-panel__note">{shown.against === null ? t('designer.versions.firstDiff') : t('designer.versions.diffAgainst', { version: item.version, against: shown.against })}</p>
                  <DiffList diff={shown.diff} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
