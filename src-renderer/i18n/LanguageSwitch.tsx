// English ⇄ हिन्दी, one key (Alt+L) or the button.
import { useTranslation } from 'react-i18next';
import { useHotkeys } from '../app/hotkeys';
import { setLanguage } from './index';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const next = i18n.language === 'hi' ? 'en' : 'hi';
  useHotkeys({ 'Alt+l': () => setLanguage(next) });
  return (
    <button type="button" tabIndex={-1} className="slot lang" data-testid="language" onClick={() => setLanguage(next)}>
      {t('status.language')}: {i18n.language === 'hi' ? 'हिन्दी' : 'English'} <kbd>Alt+L</kbd>
    </button>
  );
}
