// When the daily mail of reactions goes: the next time the clock in the Netherlands shows the set time
// (NOVEX_MAIL_DIGEST_AT, 08:00 unless set), whatever the server's own zone, in summer and winter time.
import { TZDate } from '@date-fns/tz'

const ZONE = 'Europe/Amsterdam'

/** A time of day on the Dutch clock. */
export interface TimeOfDay {
  readonly hour: number
  readonly minute: number
}

/** "HH:MM" (24-hour clock) as a time of day; null when it is not one. */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim())
  if (match === null) return null
  return { hour: Number(match[1]), minute: Number(match[2]) }
}

/** "08:00". */
export const formatTimeOfDay = ({ hour, minute }: TimeOfDay): string =>
  `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`

/** The first moment after `now` (ms) at which the Dutch clock shows `at`. */
export function nextDigestAt(now: number, at: TimeOfDay): number {
  const today = new TZDate(now, ZONE)
  const on = (dayOffset: number): number =>
    new TZDate(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() + dayOffset,
      at.hour,
      at.minute,
      0,
      ZONE,
    ).getTime()
  const later = on(0)
  return later > now ? later : on(1)
}
