// What the user reads when a sign-off, link or export request fails: the catalogue's text for the
// server's error code when we know the code (so the message follows the interface language), else
// the server's own message, else a text for the HTTP status. The API modules carry codes, not texts.
import type { TFunction } from 'i18next'
import { ApiError } from '../../api/documents.ts'
import { SignoffApiError } from '../../api/signoff.ts'

/** Error codes with their own catalogue text (`signoff:errors.<code>`). */
const KNOWN_CODES = [
  'content_changed',
  'not_signatory',
  'locked',
  'already_signed',
  'not_locked',
  'reason_required',
  'section_not_found',
  'link_not_found',
  'invalid_format',
  'unreachable',
  'unexpected',
  'forbidden',
  'storage_unavailable',
] as const

type KnownCode = (typeof KNOWN_CODES)[number]

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code)
}

export interface FailedAnswer {
  readonly status: number
  readonly message: string
  readonly code?: string
}

/** The failure as the API module reported it, or null for an error that did not come from the API. */
export function failedAnswerOf(error: unknown): FailedAnswer | null {
  if (error instanceof SignoffApiError) return { status: error.status, message: error.message, code: error.code }
  if (error instanceof ApiError) return { status: error.status, message: error.message }
  return null
}

/**
 * A failure as shown: the interface's own text, or the server's words. Those are Dutch whatever the
 * interface language, so the element showing them says so (`lang="nl"`, WCAG 3.1.2) and keeps them
 * out of translation tools and the catalogue check (`translate="no"`): see `wordsAttributes`.
 */
export interface ShownError {
  readonly text: string
  readonly serverWords: boolean
}

/** An interface text as a ShownError. */
export const ownWords = (text: string): ShownError => ({ text, serverWords: false })

/** The failure of a request as shown; `t` must be able to read the `signoff` namespace. */
export function apiError(t: TFunction, failure: FailedAnswer | null): ShownError {
  if (failure === null) return ownWords(t('signoff:errors.failed'))
  const { status, message, code } = failure
  if (code !== undefined && isKnownCode(code)) return ownWords(t(`signoff:errors.${code}`))
  if (status === 0) return ownWords(t('signoff:errors.unreachable'))
  if (message !== '') return { text: message, serverWords: true }
  if (status === 401) return ownWords(t('signoff:errors.unauthorized'))
  if (status === 403) return ownWords(t('signoff:errors.forbidden'))
  if (status === 404) return ownWords(t('signoff:errors.notFound'))
  if (status >= 500) return ownWords(t('signoff:errors.server'))
  return ownWords(t('signoff:errors.status', { status }))
}

/** The attributes of the element that shows `error`. */
export function wordsAttributes(error: ShownError): { readonly lang?: string; readonly translate?: 'no' } {
  return error.serverWords ? { lang: 'nl', translate: 'no' } : {}
}
