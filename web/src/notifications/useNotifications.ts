import { useCallback, useEffect, useState } from 'react';
import { apiFetch } from '../api/apiFetch';
import { useTaskStream } from '../live/useTaskStream';
import type { NotificationList } from './notificationApi';

/** How often the bell asks for news besides the task stream's hints (SLA warnings, mentions, decisions). */
const POLL_MS = 30_000;

/**
 * The signed-in user's recent notifications, kept fresh by the task stream (a new task refetches
 * at once) and by polling every 30 s for the kinds the stream does not carry.
 */
export function useNotifications() {
  const [list, setList] = useState<NotificationList>({ items: [], unread: 0 });
  const refresh = useCallback(() => {
    apiFetch<NotificationList>('/api/me/notifications').then(setList, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  useTaskStream(refresh);

  const markRead = useCallback(async (id: string) => {
    await apiFetch(`/api/me/notifications/${id}/read`, { method: 'POST' });
    refresh();
  }, [refresh]);
  const markAllRead = useCallback(async () => {
    await apiFetch('/api/me/notifications/read-all', { method: 'POST' });
    refresh();
  }, [refresh]);
  return { list, refresh, markRead, markAllRead };
}
