import { useTranslation } from 'react-i18next';
import { changeLanguage } from '../lib/i18n.ts';
import { LANGUAGES } from '../locales/resources.ts';

/** VI / EN toggle; the choice is stored by the language detector and survives reloads. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common');
  const active = i18n.resolvedLanguage === 'en' ? 'en' : 'vi';
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          title={t(`language.${lng}`)}
          className="lang-switch__option"
          aria-pressed={active === lng}
          onClick={() => {
            if (active !== lng) void changeLanguage(lng);
          }}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
