type Rewrite = [RegExp, (...groups: string[]) => string];

const TYPES: Record<string, string> = { Process: 'Процесс', SubProcess: 'Подпроцесс', 'Sub Process': 'Подпроцесс' };
const TIMER: Record<string, string> = { timeDuration: 'длительность', timeDate: 'дата', timeCycle: 'цикл' };
const type = (name: string) => TYPES[name] ?? name;
const BOUND_RU: Record<string, string> = { 'called process': 'вызываемого процесса', 'called decision': 'вызываемого решения', 'linked form': 'связанной формы' };

/**
 * Russian for every message our lint rules and the built-in bpmnlint rules we enable can
 * report. Messages are matched whole; one that is not listed stays in English.
 */
const rewrites: Rewrite[] = [
  [/^User task has no assignment: set an assignee, candidate groups or candidate users$/, () => 'У задачи пользователя нет назначения: укажите исполнителя, группы или пользователей-кандидатов'],
  [/^User task has no form: link a form or give an external form reference$/, () => 'У задачи пользователя нет формы: привяжите форму или укажите ссылку на внешнюю форму'],
  [/^Task has no job type: set the task definition type of the plugin that does the work$/, () => 'У задачи нет типа задания: укажите тип плагина, который выполняет работу'],
  [/^Task type "(.*)" is not a registered plugin \(known: (.*)\): its jobs wait for an external worker$/s, (name, known) => `Тип задачи «${name}» не является зарегистрированным плагином (известны: ${known === 'none' ? 'нет' : known}): её задания ждут внешнего исполнителя`],
  [/^FEEL expression in (.*) does not parse: (.*) \((.*)\)$/s, (where, problem, text) => `Выражение FEEL (${where}) не разбирается: ${problem} (${text})`],
  [/^The (called process|called decision|linked form) is bound by "(.*)": only "latest" runs here \(the newest version when the step starts\)$/s, (what, binding) => `Привязка ${BOUND_RU[what]} по «${binding}» не поддерживается: выберите «latest» (новейшая версия на момент начала шага)`],
  [/^Timer has no value: set a duration, a date or a cycle$/, () => 'У таймера нет значения: укажите длительность, дату или цикл'],
  [/^Timer (timeDuration|timeDate|timeCycle): "(.*)" is not an ISO 8601 duration such as PT48H or P5D$/s, (_kind, text) => `Таймер: «${text}» — не длительность ISO 8601, например PT48H или P5D`],
  [/^Timer (timeDuration|timeDate|timeCycle): "(.*)" is not an ISO 8601 date-time such as (.*)$/s, (_kind, text, example) => `Таймер: «${text}» — не дата-время ISO 8601, например ${example}`],
  [/^Timer (timeDuration|timeDate|timeCycle): "(.*)" is not an ISO 8601 cycle such as R3\/PT10M \(or a cron expression\)$/s, (_kind, text) => `Таймер: «${text}» — не цикл ISO 8601, например R3/PT10M (или выражение cron)`],
  [/^Timer (timeDuration|timeDate|timeCycle): (.*)$/s, (kind, problem) => `Таймер (${TIMER[kind]}): ${problem}`],
  [/^A <Start Event> is not allowed in <Ad Hoc Sub Process>$/, () => 'Начальное событие недопустимо в ad-hoc подпроцессе'],
  [/^An <End Event> is not allowed in <Ad Hoc Sub Process>$/, () => 'Конечное событие недопустимо в ad-hoc подпроцессе'],
  [/^Sequence flow is missing condition$/, () => 'У потока нет условия'],
  [/^(.*) is missing end event$/, (t) => `${type(t)}: нет конечного события`],
  [/^(.*) is missing start event$/, (t) => `${type(t)}: нет начального события`],
  [/^(.*) has multiple blank start events$/, (t) => `${type(t)}: несколько пустых начальных событий`],
  [/^An <Event-based Gateway> must have at least 2 outgoing <Sequence Flows>$/, () => 'У шлюза по событиям должно быть не меньше двух исходящих потоков'],
  [/^A <Sequence Flow> outgoing from an <Event-based Gateway> must not be conditional$/, () => 'Поток из шлюза по событиям не может иметь условия'],
  [/^Start event is missing event definition$/, () => 'У начального события нет определения события'],
  [/^Start event must be blank$/, () => 'Начальное событие должно быть пустым'],
  [/^Incoming flows do not join$/, () => 'Входящие потоки не сливаются: нужен шлюз'],
  [/^Element is missing label\/name$/, () => 'У элемента нет названия'],
  [/^Link event is missing link name$/, () => 'У события-ссылки нет имени ссылки'],
  [/^Link (catch|throw) event with link name <(.*)> missing in scope$/, (kind, name) => `Нет ${kind === 'catch' ? 'принимающего' : 'бросающего'} события-ссылки с именем «${name}»`],
  [/^Duplicate link catch event with link name <(.*)> in scope$/, (name) => `Повторное принимающее событие-ссылка с именем «${name}»`],
  [/^Link catch event with link name <(.*)> missing in scope$/, (name) => `Нет принимающего события-ссылки с именем «${name}»`],
  [/^Element is missing bpmndi$/, () => 'У элемента нет графического представления (BPMNDI)'],
  [/^Element is not connected$/, () => 'Элемент ни с чем не связан'],
  [/^SequenceFlow is a duplicate$/, () => 'Поток повторяет другой'],
  [/^Duplicate outgoing sequence flows$/, () => 'Повторяющиеся исходящие потоки'],
  [/^Duplicate incoming sequence flows$/, () => 'Повторяющиеся входящие потоки'],
  [/^Gateway forks and joins$/, () => 'Шлюз одновременно разветвляет и сливает потоки'],
  [/^Element is an implicit end$/, () => 'Элемент неявно завершает процесс: добавьте конечное событие'],
  [/^Flow splits implicitly$/, () => 'Поток разветвляется неявно: используйте шлюз'],
  [/^Element is an implicit start$/, () => 'Элемент неявно начинает процесс: добавьте начальное событие'],
  [/^Element overlaps with other element$/, () => 'Элемент перекрывает другой элемент'],
  [/^Element is outside of parent boundary$/, () => 'Элемент выходит за границы родителя'],
  [/^Event has multiple event definitions$/, () => 'У события несколько определений'],
  [/^Gateway is superfluous\. It only has one source and target\.$/, () => 'Лишний шлюз: у него один вход и один выход'],
  [/^Termination is superfluous\.$/, () => 'Лишнее завершающее событие'],
];

/** A lint message in the user's language: Russian where we know it, the original otherwise. */
export function localizeLintMessage(message: string, language: string): string {
  if (language !== 'ru') return message;
  for (const [pattern, rewrite] of rewrites) {
    const match = pattern.exec(message);
    if (match) return rewrite(...match.slice(1));
  }
  return message;
}
