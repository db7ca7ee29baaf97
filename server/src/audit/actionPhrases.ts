import type { AuditEntry } from '../entities/AuditEntry';
import type { AuditNames, Bilingual } from './AuditNames';

/** What a phrase may use: the entry, its details, the actor's name and the case it is about. */
export interface PhraseContext {
  entry: AuditEntry;
  payload: Record<string, unknown>;
  actor: Bilingual;
  names: AuditNames;
  case?: { caseRef: string | null; process: Bilingual; dealerName: string | null };
}

type Phrase = (c: PhraseContext) => Bilingual;

const str = (value: unknown): string => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const clip = (value: unknown, max = 200): string => {
  const text = str(value).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
};
/** `who` then a verb phrase, in both languages. */
const did = (c: PhraseContext, ru: string, en: string): Bilingual => ({ ru: `${c.actor.ru} ${ru}`, en: `${c.actor.en} ${en}` });
const taskName = (c: PhraseContext): Bilingual => c.names.task(str(c.payload.taskKey)) ?? { ru: str(c.payload.elementId), en: str(c.payload.elementId) };
const dealerName = (c: PhraseContext): string => (typeof c.payload.dealerId === 'string' ? c.names.dealer(c.payload.dealerId) : (c.case?.dealerName ?? ''));
const reasonOf = (c: PhraseContext): string => {
  const variables = (c.payload.variables ?? {}) as Record<string, unknown>;
  return clip(variables.decisionReason ?? variables.reason ?? c.payload.reason);
};
const person = (c: PhraseContext, username: unknown): string => (typeof username === 'string' ? c.names.person(username) : '');

/** The outcomes a dealer reports, as the report forms name them. */
const tenderOutcomes: Record<string, Bilingual> = { won: { ru: 'выигран', en: 'won' }, lost: { ru: 'проигран', en: 'lost' } };
const leadOutcomes: Record<string, Bilingual> = {
  contacted: { ru: 'связались с клиентом', en: 'customer contacted' },
  testDrive: { ru: 'тест-драйв', en: 'test drive' },
  sold: { ru: 'продажа', en: 'sold' },
  lost: { ru: 'клиент потерян', en: 'customer lost' },
};

function taskComplete(c: PhraseContext): Bilingual {
  const decision = str(((c.payload.variables ?? {}) as Record<string, unknown>).decision);
  const task = taskName(c);
  const reason = reasonOf(c);
  const because = (ru: string, en: string) => (reason ? { ru: `${ru} с обоснованием «${reason}»`, en: `${en} with reason “${reason}”` } : { ru, en });
  if (decision === 'approve') { const b = because(`одобрил(а) «${task.ru}»`, `approved “${task.en}”`); return did(c, b.ru, b.en); }
  if (decision === 'reject') { const b = because(`отклонил(а) «${task.ru}»`, `rejected “${task.en}”`); return did(c, b.ru, b.en); }
  if (decision === 'requestInfo') return did(c, `запросил(а) дополнительные сведения по «${task.ru}»${reason ? `: «${reason}»` : ''}`, `asked for more information on “${task.en}”${reason ? `: “${reason}”` : ''}`);
  return did(c, `выполнил(а) задачу «${task.ru}»`, `completed the task “${task.en}”`);
}

function instanceStart(c: PhraseContext): Bilingual {
  const process = c.case?.process ?? { ru: str(c.payload.bpmnProcessId), en: str(c.payload.bpmnProcessId) };
  const ref = c.case?.caseRef ? ` ${c.case.caseRef}` : '';
  if (c.case?.dealerName) {
    const by = c.entry.actor === 'system' ? { ru: '', en: '' } : { ru: ` (оформил(а): ${c.actor.ru})`, en: ` (filed by ${c.actor.en})` };
    return { ru: `Дилер «${c.case.dealerName}» подал заявку «${process.ru}»${ref}${by.ru}`, en: `Dealer “${c.case.dealerName}” filed the “${process.en}” case${ref}${by.en}` };
  }
  return did(c, `открыл(а) дело «${process.ru}»${ref}`, `opened the “${process.en}” case${ref}`);
}

const phrases: Record<string, Phrase> = {
  'instance.start': instanceStart,
  'instance.complete': () => ({ ru: 'Дело завершено', en: 'The case was completed' }),
  'instance.terminate': (c) => (c.entry.actor === 'system' ? { ru: 'Дело прекращено', en: 'The case was terminated' } : did(c, 'отменил(а) дело', 'cancelled the case')),
  'task.claim': (c) => did(c, `взял(а) в работу задачу «${taskName(c).ru}»`, `claimed the task “${taskName(c).en}”`),
  'task.unclaim': (c) => did(c, `вернул(а) в очередь задачу «${taskName(c).ru}»`, `put the task “${taskName(c).en}” back in the queue`),
  'task.assign': (c) => (c.payload.to
    ? did(c, `назначил(а) задачу «${taskName(c).ru}» исполнителю ${person(c, c.payload.to)}`, `assigned the task “${taskName(c).en}” to ${person(c, c.payload.to)}`)
    : did(c, `снял(а) исполнителя с задачи «${taskName(c).ru}»`, `unassigned the task “${taskName(c).en}”`)),
  'task.draft': (c) => did(c, `сохранил(а) черновик задачи «${taskName(c).ru}»`, `saved a draft of the task “${taskName(c).en}”`),
  'task.complete': taskComplete,
  'comment.add': (c) => did(c, `оставил(а) комментарий: «${clip(c.payload.body)}»`, `commented: “${clip(c.payload.body)}”`),
  'attachment.add': (c) => did(c, `приложил(а) файл «${str(c.payload.fileName)}»`, `attached the file “${str(c.payload.fileName)}”`),
  'upload.stage': (c) => did(c, `загрузил(а) файл «${str(c.payload.fileName)}»`, `uploaded the file “${str(c.payload.fileName)}”`),
  'incident.raise': (c) => ({ ru: `Сбой на шаге «${str(c.payload.elementId)}»: ${clip(c.payload.message)}`, en: `Incident at the step “${str(c.payload.elementId)}”: ${clip(c.payload.message)}` }),
  'incident.resolve': (c) => did(c, `устранил(а) сбой на шаге «${str(c.payload.elementId)}»`, `resolved the incident at the step “${str(c.payload.elementId)}”`),
  'message.publish': (c) => did(c, `отправил(а) сообщение «${str(c.payload.name)}»`, `published the message “${str(c.payload.name)}”`),
  'message.correlate': (c) => did(c, `передал(а) в дело сообщение «${str(c.payload.name)}»`, `correlated the message “${str(c.payload.name)}” to the case`),
  'stock.reserve': (c) => ({ ru: `Для дилера «${dealerName(c)}» зарезервированы автомобили`, en: `Vehicles were reserved for the dealer “${dealerName(c)}”` }),
  'stock.release': (c) => ({ ru: `Резерв автомобилей дилера «${dealerName(c)}» снят`, en: `The dealer “${dealerName(c)}”'s vehicle reservation was released` }),
  'stock.expire': (c) => ({ ru: `Резерв автомобилей дилера «${dealerName(c)}» истёк`, en: `The dealer “${dealerName(c)}”'s vehicle reservation expired` }),
  'stock.allocate': (c) => ({ ru: `Автомобили распределены дилеру «${dealerName(c)}»`, en: `Vehicles were allocated to the dealer “${dealerName(c)}”` }),
  'stock.order': (c) => ({ ru: `Резерв дилера «${dealerName(c)}» стал заказом`, en: `The dealer “${dealerName(c)}”'s reservation became an order` }),
  'stock.receive': () => ({ ru: 'Автомобили поступили на склад', en: 'Vehicles arrived in stock' }),
  'allocation.cancel': (c) => did(c, `отменил(а) резерв автомобилей: «${clip(c.payload.reason)}»`, `cancelled the vehicle reservation: “${clip(c.payload.reason)}”`),
  'tender.register': (c) => ({ ru: `Заявка дилера «${dealerName(c)}» на тендер зарегистрирована`, en: `The dealer “${dealerName(c)}”'s tender application was registered` }),
  'tender.lock': (c) => ({ ru: `Тендер закреплён за дилером «${dealerName(c)}»`, en: `The tender was locked to the dealer “${dealerName(c)}”` }),
  'tender.refused': (c) => ({ ru: `Заявка дилера «${dealerName(c)}» на тендер отклонена: тендер занят`, en: `The dealer “${dealerName(c)}”'s tender application was refused: the tender is held` }),
  'tender.release': () => ({ ru: 'Закрепление тендера снято', en: 'The tender lock was released' }),
  'tender.outcome': (c) => {
    const outcome = tenderOutcomes[str(c.payload.outcome)] ?? { ru: str(c.payload.outcome), en: str(c.payload.outcome) };
    return { ru: `Итог тендера: ${outcome.ru}`, en: `Tender outcome: ${outcome.en}` };
  },
  'tender.extend': (c) => did(c, `продлил(а) закрепление тендера на ${str(c.payload.days)} дн.: «${clip(c.payload.reason)}»`, `extended the tender lock by ${str(c.payload.days)} days: “${clip(c.payload.reason)}”`),
  'tender.product.create': (c) => did(c, `добавил(а) в каталог тендеров модель «${str(c.payload.name)}» (${c.entry.subjectId})`, `added the model “${str(c.payload.name)}” (${c.entry.subjectId}) to the tender catalog`),
  'tender.product.update': (c) => {
    const after = (c.payload.after ?? {}) as Record<string, unknown>;
    if (after.active === false) return did(c, `снял(а) модель ${c.entry.subjectId} с предложения в тендерах`, `retired the model ${c.entry.subjectId} from tenders`);
    if (after.active === true) return did(c, `снова предложил(а) модель ${c.entry.subjectId} для тендеров`, `offered the model ${c.entry.subjectId} for tenders again`);
    return did(c, `изменил(а) модель ${c.entry.subjectId} в каталоге тендеров`, `changed the model ${c.entry.subjectId} in the tender catalog`);
  },
  'lead.create': (c) => did(c, `зарегистрировал(а) лид ${str(c.payload.caseRef)}`, `registered the lead ${str(c.payload.caseRef)}`),
  'lead.offer': (c) => {
    if (!Array.isArray(c.payload.dealerIds)) return { ru: `Лид предложен дилеру «${dealerName(c)}»`, en: `The lead was offered to the dealer “${dealerName(c)}”` };
    const names = c.payload.dealerIds.map((id) => c.names.dealer(str(id)));
    return { ru: `Лид предложен сразу дилерам ${names.map((n) => `«${n}»`).join(', ')}: кто первым примет`, en: `The lead was offered at once to the dealers ${names.map((n) => `“${n}”`).join(', ')}: first to accept takes it` };
  },
  'lead.accept': (c) => ({ ru: `Дилер «${dealerName(c)}» принял лид`, en: `The dealer “${dealerName(c)}” took the lead` }),
  'lead.decline': (c) => ({ ru: `Дилер «${dealerName(c)}» отказался от лида`, en: `The dealer “${dealerName(c)}” declined the lead` }),
  'lead.miss': (c) => ({ ru: `Дилер «${dealerName(c)}» не взял лид в срок`, en: `The dealer “${dealerName(c)}” missed the lead's deadline` }),
  'lead.queue': () => ({ ru: 'Лид поставлен в очередь распределения', en: 'The lead was queued for routing' }),
  'lead.outcome': (c) => {
    const outcome = leadOutcomes[str(c.payload.outcome)] ?? { ru: str(c.payload.outcome), en: str(c.payload.outcome) };
    return { ru: `Итог по лиду: ${outcome.ru}`, en: `Lead outcome: ${outcome.en}` };
  },
  'finance.overdraft': (c) => did(c, `предоставил(а) дилеру «${dealerName(c) || c.names.dealer(c.entry.subjectId)}» овердрафт ${str(c.payload.amount)}: «${clip(c.payload.reason)}»`, `granted the dealer “${dealerName(c) || c.names.dealer(c.entry.subjectId)}” an overdraft of ${str(c.payload.amount)}: “${clip(c.payload.reason)}”`),
  'ledger.book': (c) => did(c, `провёл(а) операцию по счёту дилера «${c.names.dealer(c.entry.subjectId)}»`, `booked a ledger line for the dealer “${c.names.dealer(c.entry.subjectId)}”`),
  'dealer.update': (c) => did(c, `изменил(а) данные дилера «${c.names.dealer(c.entry.subjectId)}»`, `changed the dealer “${c.names.dealer(c.entry.subjectId)}”`),
  'auth.login': (c) => did(c, 'вошёл (вошла) в систему', 'signed in'),
  'auth.logout': (c) => did(c, 'вышел (вышла) из системы', 'signed out'),
  'auth.login_failed': (c) => ({ ru: `Неудачная попытка входа под именем ${c.entry.subjectId}`, en: `A failed sign-in as ${c.entry.subjectId}` }),
  'auth.login_throttled': (c) => ({ ru: `Вход под именем ${c.entry.subjectId} временно заблокирован`, en: `Sign-in as ${c.entry.subjectId} was throttled` }),
  'user.roles': (c) => did(c, `изменил(а) роли пользователя ${person(c, c.payload.username)}`, `changed the roles of ${person(c, c.payload.username)}`),
  'user.disable': (c) => did(c, `отключил(а) учётную запись ${person(c, c.payload.username)}`, `disabled the account of ${person(c, c.payload.username)}`),
  'user.enable': (c) => did(c, `снова включил(а) учётную запись ${person(c, c.payload.username)}`, `enabled the account of ${person(c, c.payload.username)} again`),
  'deployment.create': (c) => did(c, 'развернул(а) новую версию процессов', 'deployed a new version of processes'),
  'audit.evidence': (c) => did(c, 'выгрузил(а) доказательный пакет (PDF) по делу', "exported the case's evidence (PDF)"),
  'demo.seed': () => ({ ru: 'Загружены демонстрационные данные', en: 'Demo data was loaded' }),
  'role.seed': () => ({ ru: 'Созданы роли', en: 'Roles were created' }),
};

/** Families of actions without their own phrase: a noun for what was touched. */
const families: Record<string, Bilingual> = {
  view: { ru: 'сохранённое представление', en: 'a saved view' },
  apiToken: { ru: 'API-токен', en: 'an API token' },
  draft: { ru: 'черновик схемы', en: 'a diagram draft' },
  form: { ru: 'форму', en: 'a form' },
  notification: { ru: 'настройки уведомлений', en: 'notification settings' },
  stock: { ru: 'складские данные', en: 'stock data' },
};

/** The sentence for an entry; actions without a phrase of their own read as "who changed what". */
export function actionPhrase(c: PhraseContext): Bilingual {
  const phrase = phrases[c.entry.action];
  if (phrase) return phrase(c);
  const family = families[c.entry.action.split('.')[0]] ?? { ru: 'данные', en: 'data' };
  return did(c, `изменил(а) ${family.ru}`, `changed ${family.en}`);
}
