import { useTranslation } from 'react-i18next';
import type { TaskStreamState } from './useTaskStream';

/** A quiet line telling whether the list updates itself, and when it last did. */
export function LiveStatus({ stream }: { stream: TaskStreamState }) {
  const { t, i18n } = useTranslation();
  const time = stream.updatedAt && new Intl.DateTimeFormat(i18n.resolvedLanguage ?? i18n.language, { timeStyle: 'medium' }).format(stream.updatedAt);
  return (
    <p className="live-status" role="status" data-testid="live-status" data-connected={stream.connected} data-updated={stream.updatedAt ? stream.updatedAt.getTime() : undefined}>
      <span className={stream.connected ? 'live-status__dot live-status__dot--on' : 'live-status__dot'} aria-hidden="true" />
      {stream.connected ? t('live.on') : stream.closed ? t('live.closed') : t('live.off')}
      {time && (
        <span key={time} className="live-status__updated">
          {' · '}
          {t('live.updated', { time })}
        </span>
      )}
    </p>
  );
}
