// English and Hindi on the owner dashboard, switchable at run time (as on the counter: i18next, same shape); the
// choice is remembered in this browser and <html lang> follows it, so Hindi text is read and hyphenated as Hindi.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import hi from './hi.json';

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'galla.dashboard.language';
/** What <html lang> says for each: the page was written as Indian English before it could switch. */
const HTML_LANG = { en: 'en-IN', hi: 'hi' } as const;

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'hi' ? 'hi' : 'en';
}

const initial = savedLanguage();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, hi: { translation: hi } },
  lng: initial,
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});
if (typeof document !== 'undefined') document.documentElement.lang = HTML_LANG[initial];

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = HTML_LANG[language];
  void i18n.changeLanguage(language);
}

export default i18n;
