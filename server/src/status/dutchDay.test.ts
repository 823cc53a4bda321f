import { describe, expect, it } from 'vitest'
import { dutchDay } from './dutchDay.ts'

describe('the day in the Netherlands', () => {
  it('is already tomorrow after midnight Dutch time, in winter and in summer', () => {
    expect(dutchDay(Date.parse('2026-11-30T23:47:00Z'))).toBe('2026-12-01')
    expect(dutchDay(Date.parse('2026-07-01T22:30:00Z'))).toBe('2026-07-02')
  })

  it('is still today just before midnight Dutch time', () => {
    expect(dutchDay(Date.parse('2026-01-01T22:59:00Z'))).toBe('2026-01-01')
    expect(dutchDay(Date.parse('2026-07-01T21:59:00Z'))).toBe('2026-07-01')
  })
})
