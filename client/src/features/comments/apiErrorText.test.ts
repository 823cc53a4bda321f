import { describe, expect, it } from 'vitest'
import { CommentsApiError } from '../../api/comments.ts'
import { createI18n } from '../../i18n/createI18n.ts'
import { apiErrorText } from './apiErrorText.ts'

describe('apiErrorText', () => {
  const i18n = createI18n('en')
  const t = i18n.t

  it('words a known server code from the catalogue, in the interface language', () => {
    const refused = new CommentsApiError(403, 'cannot_resolve', 'Alleen de organisatie die deze reactie opende…')
    expect(apiErrorText(t, i18n, refused, 'fallback')).toBe(
      'Only the organisation that posted this comment, or a lead of the area, can resolve it.',
    )
    expect(apiErrorText(t, i18n, new CommentsApiError(400, 'comment_too_long', ''), 'fallback')).toMatch(
      /at most \d+ characters/,
    )
  })

  it("falls back to the server's message, then to the caller's text", () => {
    expect(apiErrorText(t, i18n, new CommentsApiError(409, 'new_code', 'Iets nieuws.'), 'fallback')).toBe(
      'Iets nieuws.',
    )
    expect(apiErrorText(t, i18n, new CommentsApiError(500, 'http_500', ''), 'fallback')).toBe('fallback')
    expect(apiErrorText(t, i18n, 'not an error', 'fallback')).toBe('fallback')
  })

  it('reads a failed useApi result ({ message, code }) the same way', () => {
    expect(apiErrorText(t, i18n, { state: 'failed', status: 0, message: '', code: 'unreachable' }, 'x')).toBe(
      'The server cannot be reached. Check your connection.',
    )
  })
})
