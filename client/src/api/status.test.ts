// The archive's state as the page reads it (GET …/archive/state, POST …/archive): the kept dossiers, and
// while there is none why not. What the page cannot read is refused as a whole, so that it never says
// "being made" or a time of a retry that the server did not say.
import type { ArchivedDossier } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { parseArchiveState } from './status.ts'

const dossier: ArchivedDossier = {
  id: 1,
  documentId: 'ontwikkelperspectief-de-peel',
  name: 'Vastgesteld dossier (PDF/A)',
  format: 'pdf',
  size: 123_456,
  sha256: 'a'.repeat(64),
  createdAt: 1_796_000_000_000,
  createdBy: 'Carla Bakker (Ministerie van LVVN)',
}

const failed = { failedAt: 1_796_000_000_000, nextAttemptAt: 1_796_000_060_000, failures: 1 }

describe('parseArchiveState', () => {
  it('reads a kept dossier', () => {
    expect(parseArchiveState({ dossiers: [dossier], pending: null })).toEqual({ dossiers: [dossier], pending: null })
  })

  it('reads a dossier being made: none, and no failure', () => {
    expect(parseArchiveState({ dossiers: [], pending: null })).toEqual({ dossiers: [], pending: null })
  })

  it('reads a failed attempt with the time of the next one', () => {
    expect(parseArchiveState({ dossiers: [], pending: failed })).toEqual({ dossiers: [], pending: failed })
  })

  it('reads a retry under way: a failure without a next time', () => {
    const retrying = { ...failed, failures: 3, nextAttemptAt: null }
    expect(parseArchiveState({ dossiers: [], pending: retrying })?.pending).toEqual(retrying)
  })

  it('tells no failure once a dossier is kept', () => {
    expect(parseArchiveState({ dossiers: [dossier], pending: failed })?.pending).toBeNull()
  })

  it('leaves out a dossier it cannot show', () => {
    const { sha256: _, ...withoutChecksum } = dossier
    expect(parseArchiveState({ dossiers: [withoutChecksum, dossier], pending: null })?.dossiers).toEqual([dossier])
  })

  it('refuses what is not an archive state: the list alone, or a failure it cannot read', () => {
    for (const body of [
      null,
      [dossier],
      { pending: null },
      { dossiers: [] },
      { dossiers: [], pending: { ...failed, nextAttemptAt: '12:00' } },
      { dossiers: [], pending: { ...failed, failedAt: undefined } },
      { dossiers: [], pending: { ...failed, failures: 0 } },
      { dossiers: 'none', pending: null },
    ])
      expect(parseArchiveState(body), JSON.stringify(body)).toBeNull()
  })
})
