// Regression: after an ijkmoment was closed, the readiness page still said "IJkmoment 1 (nu)", as if
// the checkpoint were running.
import type { DocumentStatus } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { statusSteps, stepNote } from './statusSteps.ts'

const nl = createI18n('nl').t
const en = createI18n('en').t

/** Each step as it reads, the current one marked with "*". */
function read(status: DocumentStatus, roundActive: boolean, t = nl): string[] {
  return statusSteps(status, roundActive).map((step) => {
    const note = stepNote(step)
    const words = `${t(`status:names.${step.status}`)}${note === null ? '' : ` ${t(`status:${note.key}`)}`}`
    return step.current ? `*${words}` : words
  })
}

describe('the steps of the decision-making', () => {
  it('mark a running ijkmoment as now', () => {
    expect(read('ijkmoment-1', true).slice(0, 3)).toEqual(['Concept (afgerond)', '*IJkmoment 1 (nu)', 'IJkmoment 2'])
  })

  it('mark a closed ijkmoment as done, still the current step, and name the step it waits for', () => {
    expect(read('ijkmoment-1', false).slice(0, 3)).toEqual([
      'Concept (afgerond)',
      '*IJkmoment 1 (afgerond)',
      'IJkmoment 2 (volgende stap)',
    ])
    expect(read('ijkmoment-3', false).slice(3, 5)).toEqual([
      '*IJkmoment 3 (afgerond)',
      'Ter instemming (BOL/BO-MIRT) (volgende stap)',
    ])
    expect(read('ijkmoment-2', false, en).slice(2, 4)).toEqual([
      '*Review checkpoint 2 (done)',
      'Review checkpoint 3 (next step)',
    ])
  })

  it('say "(afgerond)" on screen for the closed current round, and only to screen readers for the steps before', () => {
    const [concept, first, second] = statusSteps('ijkmoment-1', false)
    expect(concept && stepNote(concept)).toEqual({ key: 'done', hidden: true })
    expect(first && stepNote(first)).toEqual({ key: 'done', hidden: false })
    expect(second && stepNote(second)).toEqual({ key: 'next', hidden: false })
  })

  it('have exactly one current step, the status, whatever the round does', () => {
    for (const roundActive of [true, false]) {
      for (const status of ['concept', 'ijkmoment-2', 'ter-instemming', 'vastgesteld'] as const) {
        const current = statusSteps(status, roundActive).filter((step) => step.current)
        expect(current.map((step) => step.status)).toEqual([status])
      }
    }
  })

  it('keep "now" for the steps that are not review rounds', () => {
    expect(read('concept', false)[0]).toBe('*Concept (nu)')
    expect(read('ter-instemming', false).slice(3, 6)).toEqual([
      'IJkmoment 3 (afgerond)',
      '*Ter instemming (BOL/BO-MIRT) (nu)',
      'Onderschreven door Rijk en regio',
    ])
  })
})
