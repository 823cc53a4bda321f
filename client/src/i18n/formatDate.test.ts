import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './formatDate.ts'

describe('dates', () => {
  it('are dd-mm-jjjj, with a 24-hour time', () => {
    const at = new Date(2026, 0, 5, 9, 7).getTime()
    expect(formatDate(at)).toBe('05-01-2026')
    expect(formatDateTime(at)).toBe('05-01-2026 09:07')
  })
})
