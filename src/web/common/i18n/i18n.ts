// Every text of the tab through i18next: Dutch first (the users are Dutch civil servants),
// English as a switch in the browser and from the Teams locale. The API is asked in the same
// language, so its labels and problems match.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { messagesEn } from './messages-en.js';
import { messagesNl, type Messages } from './messages-nl.js';

export type Language = 'nl' | 'en';
export const LANGUAGES: readonly Language[] = ['nl', 'en'];

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

const STORAGE_KEY = 'workshopplanner.language';

/** "nl-nl", "en-US", "en" → a supported language; anything else → undefined. */
export function toLanguage(locale: string | null | undefined): Language | undefined {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary);
}

export function readStoredLanguage(): Language | undefined {
  try {
    return toLanguage(localStorage.getItem(STORAGE_KEY));
  } catch (error) {
    console.warn('language preference not readable', error);
    return undefined;
  }
}

export function storeLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch (error) {
    console.warn('language preference not stored', error);
  }
}

/** A ready i18next instance (resources are bundled: no waiting). */
export function createI18n(language: Language): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { nl: { translation: messagesNl }, en: { translation: messagesEn } },
    lng: language,
    fallbackLng: 'nl',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export function currentLanguage(instance: I18n): Language {
  return toLanguage(instance.resolvedLanguage ?? instance.language) ?? 'nl';
}
