// The languages of the interface, and so of a user's notification e-mail. Dutch is the default and the
// source of every text; English is the second locale (DOMAIN.md).
export const LANGUAGES = ['nl', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const DEFAULT_LANGUAGE: Language = 'nl'

export function isLanguage(value: unknown): value is Language {
  return value === 'nl' || value === 'en'
}
