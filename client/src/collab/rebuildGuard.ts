// Keeps the rebuild after a refusal from turning into a loop. One refusal asks for one rebuild; a
// rebuilt document that is refused again before any of its changes was acknowledged asks again, each
// time after a longer wait, and after the last wait the page gives up and says so (the user's text is
// still shown and kept in this browser) instead of reconnecting for ever.
export interface RebuildGuard {
  /** How long to wait before the next rebuild, or null: give up. */
  next(): number | null
  /** A rebuilt document's changes were acknowledged: the next refusal starts afresh. */
  settle(): void
}

/** Waits before the first, second and third rebuild in a row; a fourth is not attempted. */
export const REBUILD_DELAYS_MS: readonly number[] = [0, 2_000, 8_000]

export function createRebuildGuard(delaysMs: readonly number[] = REBUILD_DELAYS_MS): RebuildGuard {
  let attempts = 0
  return {
    next() {
      const delay = delaysMs[attempts]
      if (delay === undefined) return null
      attempts += 1
      return delay
    },
    settle() {
      attempts = 0
    },
  }
}
