import type { AuditEntry } from '../entities/AuditEntry';
import type { AuditNames, Bilingual } from './AuditNames';
import { actionPhrase, type PhraseContext } from './actionPhrases';

/** One labelled detail of an entry. */
export interface ReadableField {
  label: Bilingual;
  value: Bilingual;
}

/** An entry as people read it: who, what, about which case, and its details by label. */
export interface ReadableEntry {
  actorName: Bilingual;
  text: Bilingual;
  fields: ReadableField[];
  case?: { instanceKey: string; caseRef: string | null; process: Bilingual; dealerName: string | null };
}

const labels: Record<string, Bilingual> = {
  decision: { ru: 'Решение', en: 'Decision' },
  decisionReason: { ru: 'Обоснование', en: 'Reason' },
  reason: { ru: 'Обоснование', en: 'Reason' },
  body: { ru: 'Текст', en: 'Text' },
  fileName: { ru: 'Файл', en: 'File' },
  size: { ru: 'Размер, байт', en: 'Size, bytes' },
  sha256: { ru: 'SHA-256 файла', en: 'File SHA-256' },
  caseRef: { ru: 'Номер дела', en: 'Case reference' },
  amount: { ru: 'Сумма', en: 'Amount' },
  claimAmount: { ru: 'Сумма заявки', en: 'Claim amount' },
  vin: { ru: 'VIN', en: 'VIN' },
  mileage: { ru: 'Пробег', en: 'Mileage' },
  days: { ru: 'Дней', en: 'Days' },
  lockedUntil: { ru: 'Закреплён до', en: 'Locked until' },
  expiresAt: { ru: 'Действует до', en: 'Expires at' },
  vins: { ru: 'VIN', en: 'VINs' },
  message: { ru: 'Сообщение', en: 'Message' },
  name: { ru: 'Название', en: 'Name' },
  correlationKey: { ru: 'Ключ корреляции', en: 'Correlation key' },
  version: { ru: 'Версия', en: 'Version' },
  fields: { ru: 'Поля', en: 'Fields' },
  approvedAmount: { ru: 'Одобренная сумма', en: 'Approved amount' },
  decidedBy: { ru: 'Решение принял(а)', en: 'Decided by' },
  dealerResponse: { ru: 'Ответ дилера', en: "Dealer's response" },
  format: { ru: 'Формат', en: 'Format' },
  address: { ru: 'Адрес', en: 'Address' },
};
const decisions: Record<string, Bilingual> = {
  approve: { ru: 'одобрено', en: 'approved' },
  reject: { ru: 'отклонено', en: 'rejected' },
  requestInfo: { ru: 'запрошены сведения', en: 'more information requested' },
};
/** Keys whose value is a login: shown as the person's name. */
const people = new Set(['decidedBy', 'startedBy', 'assignee', 'grantedBy', 'filedBy', 'requestedBy']);
/** Keys that are codes of our own (keys, ids, element ids): the sentence already says what they point at. */
const hidden = new Set(['taskKey', 'elementId', 'id', 'commentId', 'incidentKey', 'messageKey', 'dealerId', 'leadId', 'bpmnProcessId', 'variables', 'before', 'after', 'from', 'to', 'outcome']);

const humanize = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase().replace(/^./, (c) => c.toUpperCase());

function valueOf(key: string, value: unknown): Bilingual {
  if (key === 'decision' && typeof value === 'string' && decisions[value]) return decisions[value];
  if (typeof value === 'boolean') return value ? { ru: 'да', en: 'yes' } : { ru: 'нет', en: 'no' };
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return same(value.join(', '));
  if (value !== null && typeof value === 'object') {
    return same(Object.entries(value as Record<string, unknown>).map(([k, v]) => `${humanize(k)}: ${v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; '));
  }
  return same(value === null || value === undefined ? '—' : String(value));
}
const same = (text: string): Bilingual => ({ ru: text, en: text });

function fieldsOf(payload: Record<string, unknown>, names: AuditNames): ReadableField[] {
  const own = Object.entries(payload).filter(([key]) => !hidden.has(key));
  const variables = payload.variables !== null && typeof payload.variables === 'object' ? Object.entries(payload.variables as Record<string, unknown>) : [];
  const first = ['decision', 'decisionReason', 'reason'];
  const rank = ([key]: [string, unknown]) => (first.includes(key) ? first.indexOf(key) : first.length);
  return [...own, ...variables].sort((a, b) => rank(a) - rank(b)).map(([key, value]) => ({
    label: labels[key] ?? same(humanize(key)),
    value: people.has(key) && typeof value === 'string' ? same(names.person(value)) : valueOf(key, value),
  }));
}

/** Renders an entry as a sentence in Russian and English, with its details as labelled fields. */
export function describeEntry(entry: AuditEntry, names: AuditNames): ReadableEntry {
  let payload: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(entry.payload);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
  } catch {
    // A payload that is not an object has no details to label.
  }
  const actorName = entry.actor === 'system' ? { ru: 'Система', en: 'The system' } : same(names.person(entry.actor));
  const found = names.caseOf(entry);
  const caseInfo = found && { instanceKey: found.instanceKey, caseRef: found.caseRef, process: names.process(found.bpmnProcessId), dealerName: found.dealerId ? names.dealer(found.dealerId) : null };
  const context: PhraseContext = { entry, payload, actor: actorName, names, case: caseInfo };
  return { actorName, text: actionPhrase(context), fields: fieldsOf(payload, names), ...(caseInfo ? { case: caseInfo } : {}) };
}
