// English ⇄ हिन्दी on the dashboard's top bar: each language named in itself, the one in use pressed.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from './index';

const NAMES = { en: 'English', hi: 'हिन्दी' } as const;

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language" role="group" aria-label={t('shell.language')} data-testid="language">
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="small secondary"
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
        >
          {NAMES[language]}
        </button>
      ))}
    </div>
  );
}
