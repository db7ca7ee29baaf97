import i18next from 'i18next';
import en from '../src/i18n/en.json';
import ru from '../src/i18n/ru.json';
import { displayVariable, type VariableContext } from '../src/pages/case/displayVariable';

const coverage = {
  covered: true,
  coverage: 'warranty',
  reasons: [{ ru: 'в пределах 36 мес. и 100 000 км', en: 'within 36 months and 100,000 km' }],
};

async function contextIn(language: 'ru' | 'en'): Promise<VariableContext> {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: language, resources: { ru: { translation: ru }, en: { translation: en } } });
  return { t: i18n.t, language, nameOf: (login) => login, dealerName: (id) => id };
}

test.each([
  ['ru', 'в пределах 36 мес. и 100 000 км'],
  ['en', 'within 36 months and 100,000 km'],
] as const)('a text the process keeps in both languages reads in the reader’s language (%s)', async (language, reason) => {
  const context = await contextIn(language);
  expect(displayVariable(context, 'reasons', coverage.reasons)).toBe(reason);
  expect(displayVariable(context, 'coverage', coverage)).toContain(reason);
  expect(displayVariable(context, 'coverage', coverage)).not.toContain(language === 'ru' ? 'within' : 'мес.');
});
