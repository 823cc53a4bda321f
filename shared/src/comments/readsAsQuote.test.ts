import { describe, expect, it } from 'vitest'
import { COMMENT_LIMITS } from './commentTypes.ts'
import { readsAsQuote } from './readsAsQuote.ts'

describe('restored text reads as the quote', () => {
  it('when it is the quote', () => {
    expect(readsAsQuote('herstelbare zin', 'herstelbare zin')).toBe(true)
    expect(readsAsQuote('herstelbare zon', 'herstelbare zin')).toBe(false)
    expect(readsAsQuote('herstelbare zin en meer', 'herstelbare zin')).toBe(false)
    expect(readsAsQuote('', '')).toBe(false)
  })

  it('whatever white space separates its blocks and words', () => {
    expect(readsAsQuote('Slot.Volgende', 'Slot.\nVolgende')).toBe(true)
    expect(readsAsQuote('[Afbeelding: Kaart]\nTekst', '[Afbeelding: Kaart] Tekst')).toBe(true)
  })

  it('when it begins with a quote that was cut at its limit', () => {
    const long = 'a'.repeat(COMMENT_LIMITS.quoteChars + 20)
    expect(readsAsQuote(long, long.slice(0, COMMENT_LIMITS.quoteChars))).toBe(true)
    expect(readsAsQuote(`b${long}`, long.slice(0, COMMENT_LIMITS.quoteChars))).toBe(false)
  })
})
