// The idle timeout's timing, shared by the server (which writes a session's activity at most this often)
// and the page (which reports its user's activity a little less often, so that every report is written,
// and warns before the end). One place, so the two cannot drift apart.

/** The server writes a session's last activity at most this often (it is asked more often than it needs). */
export function activityWriteIntervalMs(idleMs: number): number {
  return Math.min(60_000, idleMs / 10)
}

/** The page reports its user's activity at most this often: just over the server's write interval. */
export function activityReportIntervalMs(idleMs: number): number {
  return activityWriteIntervalMs(idleMs) * 1.2
}

/**
 * How long before the end the page warns, with a button to stay logged in: two minutes, or a third of
 * a short timeout (WCAG 2.2.1 asks for at least 20 seconds to answer).
 */
export function idleWarningMs(idleMs: number): number {
  return Math.min(120_000, idleMs / 3)
}
