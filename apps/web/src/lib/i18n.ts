import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, NAMESPACES, resources, type Language } from '../locales/resources.ts';

/** Where the chosen language is remembered between visits. */
export const LANGUAGE_STORAGE_KEY = 'hoptac.lang';

function syncDocumentLanguage(lng: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}

i18next.on('languageChanged', syncDocumentLanguage);

void i18next
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources,
    ns: [...NAMESPACES],
    defaultNS: 'common',
    fallbackNS: 'common',
    // Vietnamese first: a first visit is in Vietnamese whatever the browser says;
    // only an explicit choice (stored in localStorage) switches to English.
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'languageOnly',
    nonExplicitSupportedLngs: true,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: {
      order: ['localStorage'],
      lookupLocalStorage: LANGUAGE_STORAGE_KEY,
      caches: ['localStorage'],
    },
    react: { useSuspense: false },
  });

syncDocumentLanguage(i18next.resolvedLanguage ?? DEFAULT_LANGUAGE);

/** The active UI language, narrowed to the two the product supports. */
export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'vi';
}

/** Switches the UI language; the detector stores the choice for the next visit. */
export function changeLanguage(lng: Language): Promise<unknown> {
  return i18next.changeLanguage(lng);
}

export { i18next };
