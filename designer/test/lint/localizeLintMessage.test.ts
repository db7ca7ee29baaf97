import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { localizeLintMessage } from '../../src/features/translate/lintMessagesRu';
import { lintDefinitions, readDefinitions } from '../../src/lint';

const fixtures = join(__dirname, 'fixtures');

test('every finding on the lint fixtures reads in Russian', async () => {
  // given every issue our rules and the built-in ones report on the fixtures (warnings included)
  const messages = new Set<string>();
  for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.bpmn'))) {
    const { definitions } = await readDefinitions(readFileSync(join(fixtures, file), 'utf8'));
    for (const issue of await lintDefinitions(definitions, { pluginTypes: ['notify'] })) messages.add(issue.message);
  }
  expect(messages.size).toBeGreaterThan(5);
  // then each has a Russian text, with no English sentence left in it
  for (const message of messages) {
    const russian = localizeLintMessage(message, 'ru');
    expect({ message, russian: /[а-я]/i.test(russian) }).toEqual({ message, russian: true });
  }
});

test.each([
  ['Process is missing end event', 'Процесс: нет конечного события'],
  ['Element is not connected', 'Элемент ни с чем не связан'],
  ['Task type "x" is not a registered plugin (known: none): its jobs wait for an external worker', 'Тип задачи «x» не является зарегистрированным плагином (известны: нет): её задания ждут внешнего исполнителя'],
  ['Timer timeDuration: "P" is not an ISO 8601 duration such as PT48H or P5D', 'Таймер: «P» — не длительность ISO 8601, например PT48H или P5D'],
  ['Link catch event with link name <a> missing in scope', 'Нет принимающего события-ссылки с именем «a»'],
  ['The called decision is bound by "versionTag": only "latest" runs here (the newest version when the step starts)', 'Привязка вызываемого решения по «versionTag» не поддерживается: выберите «latest» (новейшая версия на момент начала шага)'],
])('"%s" reads "%s"', (message, russian) => {
  expect(localizeLintMessage(message, 'ru')).toBe(russian);
  expect(localizeLintMessage(message, 'en')).toBe(message);
});

test('an unknown message stays as it is', () => {
  expect(localizeLintMessage('Something new', 'ru')).toBe('Something new');
});
