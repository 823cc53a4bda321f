// The calendar day in the Netherlands (yyyy-mm-dd), whatever the server's own time zone: a BO-MIRT held
// this morning at 00:30 Dutch time is "today", not yesterday in UTC.
const DUTCH_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

export function dutchDay(at: number): string {
  return DUTCH_DAY.format(at)
}
