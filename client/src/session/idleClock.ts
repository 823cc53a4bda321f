// When the page reports its user's activity to the server, and when it warns that the session is about
// to end for lack of it (the idle timeout, SESSION_IDLE_SECONDS). Pure: the times come in, the next step
// goes out (useIdleTimeout does the rest). The server only counts what the page reports, so the end is
// reckoned from the last report, whichever tab of this browser made it.
import { activityReportIntervalMs, idleWarningMs } from '@novex/shared'

export type IdlePhase = 'working' | 'warning' | 'ended'

export interface IdleStep {
  readonly phase: IdlePhase
  /** Report the activity now (the user did something since the last report, long enough ago). */
  readonly report: boolean
  /** When the session ends without another report. */
  readonly endsAt: number
}

export interface IdleTimes {
  /** The user's last key, click, touch or scroll on this page. */
  readonly lastInput: number
  /** The last report the server accepted, from any tab. */
  readonly lastReport: number
}

export function idleStep(idleMs: number, times: IdleTimes, now: number): IdleStep {
  const endsAt = times.lastReport + idleMs
  const report = times.lastInput > times.lastReport && now - times.lastReport >= activityReportIntervalMs(idleMs)
  if (now >= endsAt) return { phase: 'ended', report: false, endsAt }
  return { phase: now >= endsAt - idleWarningMs(idleMs) ? 'warning' : 'working', report, endsAt }
}
