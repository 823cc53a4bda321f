import { describe, expect, it } from 'vitest'
import type { ReviewState, Round } from '../comments/commentTypes.ts'
import type { SignSide } from '../signoff/signoffRule.ts'
import {
  documentStatus,
  isFrozenStatus,
  type StatusDecision,
  type StatusDecisionKind,
  type StatusRecord,
} from './documentStatus.ts'

const review = (...rounds: Round[]): ReviewState => ({
  active: null,
  rounds: rounds.map((round) => ({
    round,
    openedAt: 1,
    openedBy: 'Trekker',
    closedAt: 2,
    closedBy: 'Trekker',
    versionId: round,
  })),
})

const decision = (kind: StatusDecisionKind, side: SignSide | null = 'rijk'): StatusDecision => ({
  kind,
  at: 1,
  by: { userId: 'u', name: 'Trekker', organisationName: 'Org', side },
  date: kind === 'consented' || kind === 'adopted' ? '2026-11-12' : null,
  note: '',
})

const record = (...decisions: StatusDecision[]): StatusRecord => ({ decisions })

describe('the status of an ontwikkelperspectief', () => {
  it('follows the review rounds up to the third ijkmoment', () => {
    expect(documentStatus(review(), record())).toBe('concept')
    expect(documentStatus(review(1), record())).toBe('ijkmoment-1')
    expect(documentStatus(review(1, 2, 3), record())).toBe('ijkmoment-3')
  })

  it('is ter instemming once submitted, until both sides consented, then adopted', () => {
    const rounds = review(1, 2, 3)
    const submitted = decision('submitted')
    expect(documentStatus(rounds, record(submitted))).toBe('ter-instemming')
    expect(documentStatus(rounds, record(submitted, decision('consented', 'rijk')))).toBe('ter-instemming')
    const consented = [submitted, decision('consented', 'rijk'), decision('consented', 'provincie')]
    expect(documentStatus(rounds, record(...consented))).toBe('onderschreven')
    expect(documentStatus(rounds, record(...consented, decision('adopted', 'provincie')))).toBe('onderschreven')
    expect(
      documentStatus(rounds, record(...consented, decision('adopted', 'provincie'), decision('adopted', 'rijk'))),
    ).toBe('vastgesteld')
  })

  it('goes back to the third ijkmoment when the submission is withdrawn, and counts only the new one after', () => {
    const rounds = review(1, 2, 3)
    const old = [decision('submitted'), decision('consented', 'rijk'), decision('withdrawn')]
    expect(documentStatus(rounds, record(...old))).toBe('ijkmoment-3')
    // The Rijk's consent to the withdrawn submission does not count for the new one.
    expect(documentStatus(rounds, record(...old, decision('submitted'), decision('consented', 'provincie')))).toBe(
      'ter-instemming',
    )
  })

  it('is frozen from ter instemming on', () => {
    expect((['concept', 'ijkmoment-3'] as const).map(isFrozenStatus)).toEqual([false, false])
    expect(isFrozenStatus('ter-instemming')).toBe(true)
    expect(isFrozenStatus('vastgesteld')).toBe(true)
  })
})
