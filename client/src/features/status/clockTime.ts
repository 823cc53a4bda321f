// A moment as the time of day on this computer's clock, HH:MM (24 hours), as the archive says when the
// server tries again; the date is left out: with the default delays the next attempt is at most an hour away.
const pad = (n: number): string => String(n).padStart(2, '0')

export function clockTime(at: number): string {
  const d = new Date(at)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}
