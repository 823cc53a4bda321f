// How soon the archive section of an adopted perspective asks the server again while its dossier is
// missing (ArchivedDossiers.tsx). Why not a fixed interval: the first attempt takes seconds, so the page
// asks often at first; once the server says when it tries again, the page asks just after that; and it
// never stops asking, because a page that stops keeps saying something that no longer holds.
import type { ArchiveState } from '@novex/shared'

export const FAST_POLL_MS = 2_000
export const SLOW_POLL_MS = 30_000
/** Asked this many times quickly (about two minutes) while nothing is known, then slowly. */
export const FAST_POLLS = 60
/** Time for the server's attempt to render and keep the dossier before the page asks how it went. */
export const ATTEMPT_MS = 1_500

/**
 * The wait before the next question; null when the dossier is there. `state` null: the last question
 * failed (the server away); `polls`: questions asked so far; `now`: this browser's clock.
 */
export function nextArchivePoll(state: ArchiveState | null, polls: number, now: number): number | null {
  if (state !== null && state.dossiers.length > 0) return null
  const pending = state?.pending ?? null
  if (pending === null) return polls < FAST_POLLS ? FAST_POLL_MS : SLOW_POLL_MS
  // Trying now: the answer is seconds away.
  if (pending.nextAttemptAt === null) return FAST_POLL_MS
  return Math.min(SLOW_POLL_MS, Math.max(FAST_POLL_MS, pending.nextAttemptAt + ATTEMPT_MS - now))
}
