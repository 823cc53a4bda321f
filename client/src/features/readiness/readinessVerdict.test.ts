import { COMPONENTS } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import type { Readiness } from '../../api/signoff.ts'
import { readinessVerdict } from './ReadinessTable.tsx'

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
    })),
  }
}

describe('readinessVerdict', () => {
  it('is ready only when all eight are locked', () => {
    expect(readinessVerdict(readiness(8))).toBe('Gereed voor BO-MIRT')
    expect(readinessVerdict(readiness(7))).toBe('Nog niet gereed: 7 van 8 onderdelen vergrendeld')
    expect(readinessVerdict(readiness(0))).toBe('Nog niet gereed: 0 van 8 onderdelen vergrendeld')
  })

  it('does not call a document ready that the server does not', () => {
    expect(readinessVerdict({ ...readiness(8), ready: false })).toBe('Nog niet gereed: 8 van 8 onderdelen vergrendeld')
  })
})
