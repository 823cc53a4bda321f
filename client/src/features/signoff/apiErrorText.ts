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

/** The text for a failed request; `t` must be able to read the `signoff` namespace. */
export function apiErrorText(t: TFunction, failure: FailedAnswer | null): string {
  if (failure === null) return t('signoff:errors.failed')
  const { status, message, code } = failure
  if (code !== undefined && isKnownCode(code)) return t(`signoff:errors.${code}`)
  if (status === 0) return t('signoff:errors.unreachable')
  if (message !== '') return message
  if (status === 401) return t('signoff:errors.unauthorized')
  if (status === 403) return t('signoff:errors.forbidden')
  if (status === 404) return t('signoff:errors.notFound')
  if (status >= 500) return t('signoff:errors.server')
  return t('signoff:errors.status', { status })
}
