import { describe, expect, it } from 'vitest'
import { formatTimeOfDay, nextDigestAt, parseTimeOfDay } from './digestTime.ts'

const EIGHT = { hour: 8, minute: 0 }
const iso = (ms: number): string => new Date(ms).toISOString()

describe('nextDigestAt', () => {
  it('is eight o’clock Dutch time later the same day, in winter and in summer', () => {
    expect(iso(nextDigestAt(Date.UTC(2026, 11, 1, 5, 0), EIGHT))).toBe('2026-12-01T07:00:00.000Z')
    expect(iso(nextDigestAt(Date.UTC(2026, 6, 1, 5, 0), EIGHT))).toBe('2026-07-01T06:00:00.000Z')
  })

  it('is the next day once eight o’clock has passed, or is now', () => {
    expect(iso(nextDigestAt(Date.UTC(2026, 11, 1, 7, 0), EIGHT))).toBe('2026-12-02T07:00:00.000Z')
    expect(iso(nextDigestAt(Date.UTC(2026, 11, 1, 12, 0), EIGHT))).toBe('2026-12-02T07:00:00.000Z')
    // 23:30 on 31 December in the Netherlands: the next year.
    expect(iso(nextDigestAt(Date.UTC(2026, 11, 31, 22, 30), EIGHT))).toBe('2027-01-01T07:00:00.000Z')
  })

  it('follows the clock over the nights the clock changes', () => {
    // Summer time starts on 29 March 2026: from a Saturday evening, 08:00 is 06:00 UTC.
    expect(iso(nextDigestAt(Date.UTC(2026, 2, 28, 20, 0), EIGHT))).toBe('2026-03-29T06:00:00.000Z')
    // It ends on 25 October 2026: 08:00 is 07:00 UTC again.
    expect(iso(nextDigestAt(Date.UTC(2026, 9, 24, 20, 0), EIGHT))).toBe('2026-10-25T07:00:00.000Z')
  })

  it('takes the Dutch date, not the server’s: just after midnight in Amsterdam is still the day before in UTC', () => {
    expect(iso(nextDigestAt(Date.UTC(2026, 11, 1, 23, 30), { hour: 7, minute: 45 }))).toBe('2026-12-02T06:45:00.000Z')
  })
})

describe('parseTimeOfDay', () => {
  it('reads a 24-hour time and writes it back', () => {
    expect(parseTimeOfDay('08:00')).toEqual(EIGHT)
    expect(parseTimeOfDay(' 17:30 ')).toEqual({ hour: 17, minute: 30 })
    expect(formatTimeOfDay({ hour: 7, minute: 5 })).toBe('07:05')
  })

  it('refuses what is not one', () => {
    for (const text of ['8:00', '24:00', '12:60', '0800', 'acht uur', '']) expect(parseTimeOfDay(text)).toBeNull()
  })
})
