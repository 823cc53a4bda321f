import { COMMENT_LIMITS } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { readsAsQuote } from './restoredAnchors.ts'

describe('restored text reads as the quote', () => {
  it('when it is the quote', () => {
    expect(readsAsQuote('herstelbare zin', 'herstelbare zin')).toBe(true)
    expect(readsAsQuote('herstelbare zon', 'herstelbare zin')).toBe(false)
    expect(readsAsQuote('herstelbare zin en meer', 'herstelbare zin')).toBe(false)
  })

  it('when it begins with a quote that was cut at its limit', () => {
    const long = 'a'.repeat(COMMENT_LIMITS.quoteChars + 20)
    expect(readsAsQuote(long, long.slice(0, COMMENT_LIMITS.quoteChars))).toBe(true)
    expect(readsAsQuote(`b${long}`, long.slice(0, COMMENT_LIMITS.quoteChars))).toBe(false)
  })
})
