// The interface languages (@novex/shared: the server writes a user's e-mail in the same ones). Dutch is
// the default and the source of every text; English is the second locale. `qps` is a pseudo-locale for tests only: Dutch texts wrapped in markers, so a check can see
// every string on a page that did not come from the message catalogue (test/e2e/support/catalogue.ts).
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@novex/shared'

export { DEFAULT_LANGUAGE, LANGUAGES, type Language }

export const PSEUDO_LANGUAGE = 'qps'
/** The markers the pseudo-locale puts around every catalogue text. */
export const PSEUDO_OPEN = '⟦'
export const PSEUDO_CLOSE = '⟧'

/** Where the chosen language is remembered in the browser (localStorage). */
export const LANGUAGE_STORAGE_KEY = 'novex.taal'

export type UiLanguage = Language | typeof PSEUDO_LANGUAGE

export function storedLanguage(storage: Pick<Storage, 'getItem'>): UiLanguage {
  const value = storage.getItem(LANGUAGE_STORAGE_KEY)
  if (value === PSEUDO_LANGUAGE) return value
  return LANGUAGES.find((l) => l === value) ?? DEFAULT_LANGUAGE
}

/** The value for <html lang>: the pseudo-locale is Dutch text. */
export function htmlLang(language: UiLanguage): Language {
  return language === PSEUDO_LANGUAGE ? 'nl' : language
}
