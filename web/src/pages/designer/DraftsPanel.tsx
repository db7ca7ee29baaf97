import { useTranslation } from 'react-i18next';
import { useApiResource } from '../../api/useApiResource';
import { formatDateTime } from '../../format';
import type { DraftSummary } from './designerApi';

/** The drafts saved on the server, most recent first; choosing one opens it. */
export function DraftsPanel({ onOpen }: { onOpen: (processId: string) => void }) {
  const { t, i18n } = useTranslation();
  const { resource } = useApiResource<{ items: DraftSummary[] }>('/api/designer/drafts');
  return (
    <section className="server-panel" aria-labelledby="drafts-title" data-testid="drafts-panel">
      <header className="server-panel__header">
        <h2 id="drafts-title" className="server-panel__title">
          {t('designer.drafts.title')}
        </h2>
      </header>
      {resource.status === 'loading' && <p className="server-panel__empty">{t('designer.drafts.loading')}</p>}
      {resource.status === 'error' && <p className="server-panel__warning">{t('designer.drafts.failed')}</p>}
      {resource.status === 'ready' && !resource.data.items.length && <p className="server-panel__empty">{t('designer.drafts.none')}</p>}
      {resource.status === 'ready' && resource.data.items.length > 0 && (
        <ul className="draft-list">
          {resource.data.items.map((item) => (
            <li key={item.processId}>
              <button type="button" className="draft-row" onClick={() => onOpen(item.processId)}>
                <span className="draft-row__name">{item.name}</span>
                <span className="draft-row__id mono">{item.processId}</span>
                <span className="draft-row__meta">{t('designer.drafts.saved', { revision: item.revision, by: item.savedBy, at: formatDateTime(item.savedAt, i18n.language) })}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
