import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import elementNames from '@dealerflow/processes/element-names.json';
import en from './en.json';
import ru from './ru.json';
import { languages, storedLanguage } from './languages';

/** Starts i18next with the stored language, Russian when nothing is stored. */
export function initI18n(): typeof i18next {
  void i18next.use(initReactI18next).init({
    // the shipped processes' step names live with the processes: the server's audit sentences use them too
    resources: { ru: { translation: { ...ru, elements: elementNames.ru } }, en: { translation: { ...en, elements: elementNames.en } } },
    lng: storedLanguage() ?? languages[0],
    fallbackLng: languages[0],
    supportedLngs: [...languages],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const applyToDocument = (language: string) => {
    document.documentElement.lang = language;
  };
  applyToDocument(i18next.language);
  i18next.on('languageChanged', applyToDocument);
  return i18next;
}
