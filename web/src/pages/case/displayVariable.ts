import type { TFunction } from 'i18next';
import type { NameOf } from '../../api/describeError';
import { formatMoney } from '../../format';

/** What turns a case variable into text: the translator, the language and the directories of people and dealers. */
export interface VariableContext {
  t: TFunction;
  language: string;
  nameOf: NameOf;
  dealerName: (id: string) => string;
}

const money = new Set(['claimAmount', 'approvedAmount', 'price', 'amount', 'creditLimit']);
const people = new Set(['startedBy', 'decidedBy', 'lastEditedBy', 'assignee', 'completedBy', 'savedBy']);
const dates = new Set(['repairDate', 'warrantyEndsOn', 'saleDate', 'expectedDate', 'appliedOn']);
const moments = new Set(['heldUntil', 'conflictUntil', 'lockedUntil']);
const dealers = new Set(['dealerId', 'acceptedDealerId', 'offeredDealerIds']);

/** A variable's label in the UI language, else its name as the process stores it. */
export const variableLabel = (t: TFunction, name: string) => t(`variables.${name}`, { defaultValue: name });

function formatDate(value: string, language: string): string {
  const date = new Date(`${value}T00:00:00`);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(date);
}

/** A text the process keeps in both languages of the app (a coverage reason, say). */
function isBilingual(value: object): value is { ru: string; en: string } {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as { ru?: unknown }).ru === 'string' && typeof (value as { en?: unknown }).en === 'string';
}

/** One value as a person reads it: money in roubles, numbers grouped, enum codes as labels, people and dealers by name. */
export function displayVariable(context: VariableContext, name: string, value: unknown): string {
  const { t, language } = context;
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return t(`values.${value}`);
  if (Array.isArray(value)) return value.map((item) => displayVariable(context, name, item)).join(', ');
  // an attached file reads as its name
  if (typeof value === 'object' && typeof (value as { fileName?: unknown }).fileName === 'string') return (value as { fileName: string }).fileName;
  if (typeof value === 'object' && isBilingual(value)) return language.startsWith('ru') ? value.ru : value.en;
  // empty parts of a record (no conflict date, no similar cases) say nothing
  if (typeof value === 'object') return Object.entries(value).filter(([, item]) => item !== null && item !== undefined && !(Array.isArray(item) && item.length === 0)).map(([key, item]) => `${variableLabel(t, key)}: ${displayVariable(context, key, item)}`).join(' · ');
  if (typeof value === 'number') return money.has(name) ? formatMoney(value, language) : new Intl.NumberFormat(language).format(value);
  const text = String(value);
  if (people.has(name)) return context.nameOf(text);
  if (dealers.has(name)) return context.dealerName(text);
  if (dates.has(name)) return formatDate(text, language);
  if (moments.has(name) && !Number.isNaN(Date.parse(text))) return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(text));
  return t(`values.${name}.${text}`, { defaultValue: text });
}
