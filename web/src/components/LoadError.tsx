import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/ApiError';
import { StatusPanel } from './StatusPanel';

/** Explains why data did not load, with a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  const unreachable = error instanceof ApiError && error.status === 0;
  const detail = error instanceof Error && !unreachable && !forbidden ? error.message : undefined;
  return (
    <StatusPanel
      kind="error"
      title={forbidden ? t('status.forbidden') : unreachable ? t('status.network') : t('status.loadFailed')}
      action={
        forbidden ? undefined : (
          <button type="button" className="button button--secondary" onClick={onRetry}>
            {t('status.retry')}
          </button>
        )
      }
    >
      {detail}
    </StatusPanel>
  );
}
