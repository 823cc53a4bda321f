// How long an adopted perspective waits for the next attempt at its archived dossier after a failed one:
// 1, 5 and 15 times the first delay, then 60 times it for as long as it takes. With the default first
// delay of a minute (NOVEX_ARCHIVE_RETRY_SECONDS) that is after 1 min, 5 min, 15 min, then every hour.
// Why a bounded backoff: a passing cause (the export threads busy, a moment of a full disk) is over
// within minutes, and a lasting one (a broken disk, a bug) must not have the server render a dossier
// every minute, all day, for nothing.
const STEPS: readonly number[] = [1, 5, 15, 60]
const LAST_STEP = 60

/** Below this a retry would only repeat the failure it follows. */
const MIN_DELAY_MS = 1_000

/** The wait before the next attempt after `failures` failed attempts (1 or more). */
export function archiveRetryDelay(failures: number, firstDelayMs: number): number {
  const step = STEPS[Math.min(Math.max(failures, 1), STEPS.length) - 1] ?? LAST_STEP
  return Math.max(MIN_DELAY_MS, firstDelayMs) * step
}
