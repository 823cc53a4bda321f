// When the archive section asks again while the adopted dossier is missing: often while it is being
// made, just after the server's next attempt once one failed, never slower than every 30 s, and not at
// all once it is there.
import type { ArchivedDossier, ArchiveState } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { ATTEMPT_MS, FAST_POLL_MS, FAST_POLLS, nextArchivePoll, SLOW_POLL_MS } from './archivePolling.ts'
import { clockTime } from './clockTime.ts'

const NOW = 1_796_000_000_000
const none: ArchiveState = { dossiers: [], pending: null }
const failedUntil = (nextAttemptAt: number | null): ArchiveState => ({
  dossiers: [],
  pending: { failedAt: NOW - 1_000, nextAttemptAt, failures: 1 },
})

describe('nextArchivePoll', () => {
  it('stops once the dossier is kept', () => {
    const dossier: ArchivedDossier = {
      id: 1,
      documentId: 'ontwikkelperspectief-de-peel',
      name: 'Vastgesteld dossier (PDF/A)',
      format: 'pdf',
      size: 1,
      sha256: 'a'.repeat(64),
      createdAt: NOW,
      createdBy: 'Carla Bakker (Ministerie van LVVN)',
    }
    const kept: ArchiveState = { dossiers: [dossier], pending: null }
    expect(nextArchivePoll(kept, 3, NOW)).toBeNull()
  })

  it('asks every 2 s while it is being made, for about two minutes, then every 30 s, without end', () => {
    expect(nextArchivePoll(none, 0, NOW)).toBe(FAST_POLL_MS)
    expect(nextArchivePoll(none, FAST_POLLS - 1, NOW)).toBe(FAST_POLL_MS)
    expect(nextArchivePoll(none, FAST_POLLS, NOW)).toBe(SLOW_POLL_MS)
    expect(nextArchivePoll(none, 10_000, NOW)).toBe(SLOW_POLL_MS)
  })

  it('keeps asking when the server could not be asked', () => {
    expect(nextArchivePoll(null, 0, NOW)).toBe(FAST_POLL_MS)
    expect(nextArchivePoll(null, FAST_POLLS, NOW)).toBe(SLOW_POLL_MS)
  })

  it('asks just after the next attempt once one failed, and at least every 30 s', () => {
    expect(nextArchivePoll(failedUntil(NOW + 10_000), 0, NOW)).toBe(10_000 + ATTEMPT_MS)
    expect(nextArchivePoll(failedUntil(NOW + 60 * 60_000), 0, NOW)).toBe(SLOW_POLL_MS)
    // The attempt is due (or this clock runs ahead): soon, but not in a loop.
    expect(nextArchivePoll(failedUntil(NOW - 5_000), 0, NOW)).toBe(FAST_POLL_MS)
  })

  it('asks often while the server is trying again', () => {
    expect(nextArchivePoll(failedUntil(null), 10_000, NOW)).toBe(FAST_POLL_MS)
  })
})

describe('clockTime', () => {
  it('says a moment as HH:MM on this computer', () => {
    const at = new Date(2026, 11, 5, 9, 7, 59).getTime()
    expect(clockTime(at)).toBe('09:07')
    expect(clockTime(new Date(2026, 11, 5, 23, 45).getTime())).toBe('23:45')
  })
})
