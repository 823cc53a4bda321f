import { COMPONENTS, type Readiness } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { readinessVerdict } from './ReadinessTable.tsx'

const nl = createI18n('nl').t
const verdictOf = (r: Readiness): string => readinessVerdict(nl, r).text

function readiness(lockedCount: number): Readiness {
  return {
    ready: lockedCount === COMPONENTS.length,
    components: COMPONENTS.map(({ key, title }, i) => ({
      component: key,
      label: title,
      sectionId: `s${i}`,
      present: true,
      nonEmpty: true,
      signedRijk: i < lockedCount,
      signedProvincie: i < lockedCount,
      locked: i < lockedCount,
      openThreads: 0,
      openThreadId: null,
    })),
  }
}

describe('readinessVerdict', () => {
  it('is ready only when all eight are locked', () => {
    expect(verdictOf(readiness(8))).toBe('Gereed voor BO-MIRT')
    expect(verdictOf(readiness(7))).toBe('Nog niet gereed: 7 van 8 onderdelen vergrendeld')
    expect(verdictOf(readiness(0))).toBe('Nog niet gereed: 0 van 8 onderdelen vergrendeld')
  })

  it('says it in English too', () => {
    expect(readinessVerdict(createI18n('en').t, readiness(3))).toEqual({
      ready: false,
      text: 'Not ready yet: 3 of 8 parts locked',
      icon: 'clock',
    })
    expect(readinessVerdict(nl, readiness(8)).ready).toBe(true)
  })

  // Regression: "Nog niet gereed" showed the padlock, which everywhere else means signed and locked.
  it('shows a tick when ready and a clock when not yet, never the padlock', () => {
    expect(readinessVerdict(nl, readiness(8)).icon).toBe('check')
    for (const locked of [0, 3, 7]) expect(readinessVerdict(nl, readiness(locked)).icon).toBe('clock')
    expect(readinessVerdict(nl, { ...readiness(8), ready: false }).icon).toBe('clock')
  })

  it('does not call a document ready that the server does not', () => {
    expect(verdictOf({ ...readiness(8), ready: false })).toBe('Nog niet gereed: 8 van 8 onderdelen vergrendeld')
  })
})
