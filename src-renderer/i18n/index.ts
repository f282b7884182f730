// English and Hindi, switchable at run time; the choice is remembered on this counter.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import hi from './hi.json';
import { SHOP_MESSAGES_EN, SHOP_MESSAGES_HI } from '../../src-shared/shop-messages';

export const LANGUAGES = ['en', 'hi'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'galla.language';

function savedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'hi' ? 'hi' : 'en';
}

void i18n.use(initReactI18next).init({
  // The ledger's shop-language messages live with the ledger (src-shared) and are shown here under `errors.*`.
  resources: {
    en: { translation: { ...en, errors: SHOP_MESSAGES_EN } },
    hi: { translation: { ...hi, errors: SHOP_MESSAGES_HI } },
  },
  lng: savedLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
});

export function setLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

export default i18n;
