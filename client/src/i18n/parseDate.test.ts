import { describe, expect, it } from 'vitest'
import { formatDate } from './formatDate.ts'
import { parseDate } from './parseDate.ts'

describe('a typed day', () => {
  it('is read as dd-mm-jjjj, also without leading zeros and with / . or a space', () => {
    expect(parseDate('24-11-2026')).toBe('2026-11-24')
    expect(parseDate('1-2-2026')).toBe('2026-02-01')
    expect(parseDate(' 05/01/2026 ')).toBe('2026-01-05')
    expect(parseDate('5.1.2026')).toBe('2026-01-05')
    expect(parseDate('5 1 2026')).toBe('2026-01-05')
  })

  it('is the day formatDate writes', () => {
    const at = new Date(2026, 2, 9)
    expect(parseDate(formatDate(at))).toBe('2026-03-09')
  })

  it('must exist in the calendar', () => {
    expect(parseDate('31-04-2026')).toBeNull()
    expect(parseDate('29-02-2026')).toBeNull()
    expect(parseDate('29-02-2028')).toBe('2028-02-29')
    expect(parseDate('00-01-2026')).toBeNull()
    expect(parseDate('12-13-2026')).toBeNull()
  })

  it('is refused in other notations', () => {
    for (const text of ['', '2026-11-24', '24-11-26', '24-11', 'morgen', '24--11-2026', '24-11-2026x']) {
      expect(parseDate(text)).toBeNull()
    }
  })
})
