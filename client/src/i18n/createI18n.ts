// One i18next instance per app (no module-level instance): created in main.tsx, handed down by
// <I18nextProvider>. Texts are looked up with `useTranslation('<namespace>')`.
import i18next, { type i18n, type PostProcessorModule } from 'i18next'
import { catalogue, namespaces } from './catalogue.ts'
import { DEFAULT_LANGUAGE, PSEUDO_CLOSE, PSEUDO_LANGUAGE, PSEUDO_OPEN, type UiLanguage } from './languages.ts'

const pseudo: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process: (value: string, _key: string | string[], _options: object, translator: { language?: string }) =>
    translator.language === PSEUDO_LANGUAGE ? `${PSEUDO_OPEN}${value}${PSEUDO_CLOSE}` : value,
}

/** Logged (console.error) when a component asks for a text the catalogue does not have. */
export const MISSING_TEXT = 'Ontbrekende tekst in de berichtencatalogus'

export function createI18n(language: UiLanguage): i18n {
  const resources = catalogue()
  resources[PSEUDO_LANGUAGE] = resources[DEFAULT_LANGUAGE] ?? {}
  const instance = i18next.createInstance()
  void instance.use(pseudo).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    ns: namespaces(resources),
    defaultNS: 'common',
    initAsync: false,
    // React escapes; i18next must not escape a second time.
    interpolation: { escapeValue: false },
    postProcess: ['pseudo'],
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.error(`${MISSING_TEXT}: ${ns}:${key}`),
  })
  return instance
}
