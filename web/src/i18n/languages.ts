/** The languages of the UI; the first is the default. */
export const languages = ['ru', 'en'] as const;

/** A language the UI speaks. */
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'dealerflow.language';

/** Narrows any string (a stored value, a user's locale like `en-GB`) to a supported language. */
export function toLanguage(value: string | null | undefined): Language | undefined {
  const base = value?.toLowerCase().split(/[-_]/)[0];
  return languages.find((language) => language === base);
}

/** The language the user chose on this device, if any. */
export function storedLanguage(): Language | undefined {
  try {
    return toLanguage(localStorage.getItem(STORAGE_KEY));
  } catch {
    return undefined;
  }
}

/** Remembers the user's choice on this device. */
export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be disabled (private mode, policy); the choice then lasts for this page only.
  }
}
