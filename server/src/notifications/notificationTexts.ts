import type { NotificationParams } from './Notification';
import type { NotificationKind } from './notificationKinds';
import { processNoticeTexts } from './processNoticeTexts';

/** The languages e-mails are written in; anything else falls back to Russian. */
type Language = 'ru' | 'en';

const s = (value: unknown, fallback = '—') => (value === null || value === undefined || value === '' ? fallback : String(value));

const when = (iso: unknown, language: Language) => {
  const date = typeof iso === 'string' || typeof iso === 'number' ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '—';
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Moscow' }).format(date) + (language === 'ru' ? ' (МСК)' : ' (Moscow time)');
};

const decisionText: Record<Language, Record<string, string>> = {
  ru: { approve: 'одобрено', reject: 'отклонено' },
  en: { approve: 'approved', reject: 'rejected' },
};

/** One line per kind: the same wording the web app shows (see the web's notifications texts). */
const lines: Record<Language, Record<NotificationKind, (p: NotificationParams, language: Language) => string>> = {
  ru: {
    'task.created': (p) => `Новая задача «${s(p.taskName)}» по делу ${s(p.caseRef)}${p.dealerName ? ` (${p.dealerName})` : ''}`,
    'task.sla': (p, l) => `Срок задачи «${s(p.taskName)}» по делу ${s(p.caseRef)} истекает ${when(p.dueAt, l)}`,
    'case.decided': (p) => `${s(p.actorName)}: по делу ${s(p.caseRef)} принято решение — ${decisionText.ru[s(p.decision)] ?? s(p.decision)}`,
    'comment.mention': (p) => `${s(p.actorName)} упомянул(а) вас в комментарии к делу ${s(p.caseRef)}: «${s(p.excerpt, '')}»`,
    'case.notice': (p) => `${processNoticeTexts.ru[s(p.template)] ?? s(p.template)} — дело ${s(p.caseRef)}`,
    'webhook.disabled': (p) => `Вебхук ${s(p.url)} отключён после ${s(p.failures)} неудачных попыток подряд`,
  },
  en: {
    'task.created': (p) => `New task "${s(p.taskName)}" on case ${s(p.caseRef)}${p.dealerName ? ` (${p.dealerName})` : ''}`,
    'task.sla': (p, l) => `Task "${s(p.taskName)}" on case ${s(p.caseRef)} is due ${when(p.dueAt, l)}`,
    'case.decided': (p) => `${s(p.actorName)} decided on case ${s(p.caseRef)}: ${decisionText.en[s(p.decision)] ?? s(p.decision)}`,
    'comment.mention': (p) => `${s(p.actorName)} mentioned you in a comment on case ${s(p.caseRef)}: "${s(p.excerpt, '')}"`,
    'case.notice': (p) => `${processNoticeTexts.en[s(p.template)] ?? s(p.template)} (case ${s(p.caseRef)})`,
    'webhook.disabled': (p) => `Webhook ${s(p.url)} was disabled after ${s(p.failures)} failed attempts in a row`,
  },
};

const frame = {
  ru: { subject: 'Dealerflow: ', open: 'Открыть', digest: 'Dealerflow: непрочитанные уведомления за день', digestIntro: 'Непрочитанные уведомления:', footer: 'Настроить уведомления можно в Dealerflow: меню пользователя → «Уведомления».' },
  en: { subject: 'Dealerflow: ', open: 'Open', digest: 'Dealerflow: your unread notifications of the day', digestIntro: 'Unread notifications:', footer: 'Choose which notifications you get in Dealerflow: user menu → "Notifications".' },
};

const languageOf = (locale: string | null | undefined): Language => (locale?.toLowerCase().startsWith('en') ? 'en' : 'ru');

/** A notification as one line of text in the recipient's language. */
export function notificationLine(kind: NotificationKind, params: NotificationParams, locale?: string | null): string {
  const language = languageOf(locale);
  return lines[language][kind](params, language);
}

/** A mail's subject and plain-text body. */
export interface MailText {
  subject: string;
  body: string;
}

const absolute = (link: string | null, baseUrl: string | null) => (link && baseUrl ? `${baseUrl.replace(/\/$/, '')}${link}` : null);

/** The e-mail sent at once for one notification. */
export function instantMail(kind: NotificationKind, params: NotificationParams, link: string | null, locale: string | null | undefined, baseUrl: string | null): MailText {
  const language = languageOf(locale);
  const line = notificationLine(kind, params, language);
  const url = absolute(link, baseUrl);
  return { subject: (frame[language].subject + line).slice(0, 300), body: [line, url ? `${frame[language].open}: ${url}` : null, '', frame[language].footer].filter((l) => l !== null).join('\n') };
}

/** The daily digest of a person's unread notifications, oldest first. */
export function digestMail(items: { kind: NotificationKind; params: NotificationParams; link: string | null }[], locale: string | null | undefined, baseUrl: string | null): MailText {
  const language = languageOf(locale);
  const entries = items.map((item) => {
    const url = absolute(item.link, baseUrl);
    return `• ${notificationLine(item.kind, item.params, language)}${url ? `\n  ${url}` : ''}`;
  });
  return { subject: frame[language].digest, body: [frame[language].digestIntro, '', ...entries, '', frame[language].footer].join('\n') };
}
