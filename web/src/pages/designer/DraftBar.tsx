import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { DraftState } from './useServerDraft';

/** The side panels the draft bar opens. */
export type ServerPanelName = 'open' | 'review' | 'versions';

/** The diagram on the server: its draft (open, save) and its versions (review and deploy, history). */
export function DraftBar({ draft, disabled, panel, onToggle, onSaveDraft }: { draft: DraftState | null; disabled: boolean; panel: ServerPanelName | null; onToggle: (panel: ServerPanelName) => void; onSaveDraft: () => void }) {
  const { t, i18n } = useTranslation();
  const toggle = (name: ServerPanelName, label: string) => (
    <button type="button" className={`button button--ghost${panel === name ? ' button--pressed' : ''}`} aria-pressed={panel === name} disabled={disabled} onClick={() => onToggle(name)}>
      {label}
    </button>
  );
  return (
    <div className="draft-bar" role="toolbar" aria-label={t('designer.drafts.toolbar')}>
      <span className="draft-bar__state" data-testid="draft-state">
        {draft ? t('designer.drafts.current', { processId: draft.processId, revision: draft.revision, by: draft.savedBy, at: formatDateTime(draft.savedAt, i18n.language) }) : t('designer.drafts.notSaved')}
      </span>
      {toggle('open', t('designer.drafts.open'))}
      <button type="button" className="button button--secondary" disabled={disabled} onClick={onSaveDraft}>
        {t('designer.drafts.save')}
      </button>
      {toggle('versions', t('designer.versions.show'))}
      {toggle('review', t('designer.review.open'))}
    </div>
  );
}
