import type { TFunction } from 'i18next';
import { formatDateTime } from '../format';
import { taskName } from '../i18n/taskName';
import type { NotificationItem } from './notificationApi';

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** A notification as one sentence in the UI language: tasks by their translated name, people and dealers by name, dates formatted. */
export function notificationText(t: TFunction, language: string, item: Pick<NotificationItem, 'kind' | 'params'>): string {
  const p = item.params;
  const task = p.taskName ? taskName(t, { bpmnProcessId: str(p.processId), elementId: str(p.elementId), name: str(p.taskName) }) : '';
  const values = {
    ...Object.fromEntries(Object.entries(p).map(([key, value]) => [key, str(value) || '—'])),
    taskName: task,
    dealer: p.dealerName ? t('notifications.ofDealer', { dealer: p.dealerName }) : '',
    decision: t(`notifications.decision.${str(p.decision)}`, { defaultValue: str(p.decision) }),
    dueAt: p.dueAt ? formatDateTime(str(p.dueAt), language) : '—',
    until: p.until ? formatDateTime(str(p.until), language) : '—',
    customer: p.customerName ? `: ${str(p.customerName)}` : '',
    notice: p.template ? t(`notifications.notices.${str(p.template)}`, { defaultValue: str(p.template) }) : '',
  };
  return t(`notifications.kinds.${item.kind}`, { ...values, interpolation: { escapeValue: false } });
}
