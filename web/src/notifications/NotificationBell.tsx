import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../format';
import type { NotificationItem } from './notificationApi';
import { notificationText } from './notificationText';
import { useNotifications } from './useNotifications';

/** The bell in the header: the unread count, and a list of recent notifications to open or mark read. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { list, markRead, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  // Where the panel starts on a phone, where it spans the screen below the (wrapped) header's bell.
  const [top, setTop] = useState(64);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !panel.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const follow = async (item: NotificationItem) => {
    setOpen(false);
    if (!item.readAt) await markRead(item.id).catch(() => undefined);
    if (item.link) void navigate(item.link);
  };

  const label = list.unread ? t('notifications.bellUnread', { count: list.unread }) : t('notifications.bell');
  return (
    <div className="bell" ref={panel}>
      <button type="button" className="button button--ghost bell__button" aria-label={label} aria-expanded={open} aria-haspopup="true" data-testid="notification-bell" onClick={(event) => {
        setTop(Math.round(event.currentTarget.getBoundingClientRect().bottom + 6));
        setOpen((value) => !value);
      }}>
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2"><path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" /><path d="M13.73 21a2 2 0 0 1-3.46 0" /></svg>
        {list.unread > 0 && <span className="bell__count" data-testid="notification-count">{list.unread > 99 ? '99+' : list.unread}</span>}
      </button>
      {open && (
        <div className="bell__panel" role="dialog" aria-label={t('notifications.title')} style={{ '--bell-top': `${top}px` } as CSSProperties}>
          <div className="bell__head">
            <strong>{t('notifications.title')}</strong>
            <button type="button" className="button button--ghost" disabled={!list.unread} onClick={() => void markAllRead()}>{t('notifications.markAll')}</button>
          </div>
          {list.items.length === 0 ? (
            <p className="bell__empty">{t('notifications.empty')}</p>
          ) : (
            <ul className="bell__list" data-testid="notification-list">
              {list.items.map((item) => (
                <li key={item.id} className={item.readAt ? 'bell__item' : 'bell__item bell__item--unread'}>
                  <button type="button" className="bell__open" onClick={() => void follow(item)}>
                    <span className="bell__text">{notificationText(t, i18n.language, item)}</span>
                    <time className="bell__time" dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
                  </button>
                  {!item.readAt && (
                    <button type="button" className="bell__mark" aria-label={t('notifications.markOne')} title={t('notifications.markOne')} onClick={() => void markRead(item.id)}>✓</button>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Link className="bell__settings" to="/settings/notifications" onClick={() => setOpen(false)}>{t('notifications.settingsLink')}</Link>
        </div>
      )}
    </div>
  );
}
