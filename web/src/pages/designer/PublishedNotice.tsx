import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../format';

/** The version a deploy from this page made. */
export interface Published {
  processId: string;
  version: number;
  at: string;
}

/** After a deploy: which version is live since when, where to start and watch it, and whether the canvas still matches it. */
export function PublishedNotice({ published, dirty }: { published: Published; dirty: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="published-notice" role="status" data-testid="published-notice">
      <span className="published-notice__title">{t('designer.published.title', { processId: published.processId, version: published.version })}</span>
      <span className="published-notice__meta">{formatDateTime(published.at, i18n.language)}</span>
      <span className={`published-notice__state published-notice__state--${dirty ? 'dirty' : 'clean'}`} data-testid="published-state">
        {dirty ? t('designer.published.dirty', { version: published.version }) : t('designer.published.clean')}
      </span>
      <span className="published-notice__links">
        <Link to="/start">{t('designer.published.start')}</Link>
        <Link to="/instances">{t('designer.published.monitor')}</Link>
      </span>
    </div>
  );
}
