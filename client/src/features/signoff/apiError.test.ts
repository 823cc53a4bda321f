import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { apiError, wordsAttributes } from './apiError.ts'

const en = createI18n('en').t
const nl = createI18n('nl').t

describe('apiError', () => {
  it('words a known code in the interface language, not as the server did', () => {
    const failure = { status: 409, code: 'content_changed', message: 'De tekst van dit onderdeel is gewijzigd.' }
    expect(apiError(en, failure)).toEqual({
      text: 'The text has changed since you read it. Read the new text and sign again.',
      serverWords: false,
    })
    expect(wordsAttributes(apiError(en, failure))).toEqual({})
  })

  it("shows the server's own words for an unknown code, marked as Dutch", () => {
    const shown = apiError(en, { status: 409, code: 'something_new', message: 'Iets nieuws ging mis.' })
    expect(shown).toEqual({ text: 'Iets nieuws ging mis.', serverWords: true })
    expect(wordsAttributes(shown)).toEqual({ lang: 'nl', translate: 'no' })
  })

  it('falls back on the status when the server said nothing', () => {
    expect(apiError(nl, { status: 0, code: 'unreachable', message: '' }).text).toBe(
      'De server is niet bereikbaar. Controleer uw verbinding.',
    )
    expect(apiError(nl, { status: 502, message: '' }).text).toBe(
      'Er ging iets mis op de server. Probeer het later opnieuw.',
    )
    expect(apiError(nl, { status: 418, message: '' }).text).toBe('Dat lukte niet (fout 418).')
    expect(apiError(nl, null).text).toBe('Dat lukte niet. Probeer het opnieuw.')
  })
})
