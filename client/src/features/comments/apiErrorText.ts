// The text shown for a failed comments, review, versions or status request: the catalogue's text for the
// server's error code when there is one (`<namespace>:errors.<code>`, so it follows the interface
// language), otherwise the server's own message, otherwise the caller's general text. Takes an error
// thrown by api/comments.ts or api/status.ts (both carry `code`) as well as a failed useApi result
// ({ message, code }).
import { COMMENT_LIMITS } from '@novex/shared'
import type { i18n, TFunction } from 'i18next'

export function apiErrorText(
  t: TFunction,
  i18n: i18n,
  failure: unknown,
  fallback: string,
  namespace: 'comments' | 'status' = 'comments',
): string {
  if (typeof failure !== 'object' || failure === null) return fallback
  const code = 'code' in failure ? failure.code : null
  if (typeof code === 'string') {
    const key = `${namespace}:errors.${code}`
    if (i18n.exists(key)) return t(key, { max: COMMENT_LIMITS.bodyChars })
  }
  const message = 'message' in failure ? failure.message : null
  return typeof message === 'string' && message !== '' ? message : fallback
}
