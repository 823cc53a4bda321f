import { describe, expect, it } from 'vitest'
import { idleStep } from './idleClock.ts'

const MINUTE = 60_000
const IDLE = 60 * MINUTE

describe('idleStep', () => {
  it('reports activity at most once a minute and a bit, and only when the user did something', () => {
    expect(idleStep(IDLE, { lastInput: 0, lastReport: 0 }, 10 * MINUTE).report).toBe(false)
    expect(idleStep(IDLE, { lastInput: 30_000, lastReport: 0 }, 40_000).report).toBe(false)
    expect(idleStep(IDLE, { lastInput: 30_000, lastReport: 0 }, 72_000).report).toBe(true)
  })

  it('warns two minutes before the end, counted from the last report', () => {
    expect(idleStep(IDLE, { lastInput: 0, lastReport: 0 }, 57 * MINUTE).phase).toBe('working')
    const warning = idleStep(IDLE, { lastInput: 0, lastReport: 0 }, 58 * MINUTE)
    expect(warning).toEqual({ phase: 'warning', report: false, endsAt: IDLE })
    // A key during the warning is reported at once, and the warning goes with the next report.
    expect(idleStep(IDLE, { lastInput: 59 * MINUTE, lastReport: 0 }, 59 * MINUTE).report).toBe(true)
    expect(idleStep(IDLE, { lastInput: 59 * MINUTE, lastReport: 59 * MINUTE }, 59 * MINUTE).phase).toBe('working')
  })

  it('has ended at the end, and a short timeout warns a third of it before', () => {
    expect(idleStep(IDLE, { lastInput: 0, lastReport: 0 }, IDLE).phase).toBe('ended')
    expect(idleStep(9_000, { lastInput: 0, lastReport: 0 }, 5_999).phase).toBe('working')
    expect(idleStep(9_000, { lastInput: 0, lastReport: 0 }, 6_000).phase).toBe('warning')
  })
})
