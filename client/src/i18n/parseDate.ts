// A day as people type it in the Dutch notation (dd-mm-jjjj; also d-m-jjjj, and / . or a space between),
// read into the API's yyyy-mm-dd. The counterpart of formatDate.ts, in every language.
const DAY = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/

const pad = (n: number): string => String(n).padStart(2, '0')

/** yyyy-mm-dd for a real day in the calendar, typed as dd-mm-jjjj; null for anything else. */
export function parseDate(text: string): string | null {
  const match = DAY.exec(text.trim())
  if (match === null) return null
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])]
  // The calendar decides (31-04 and 29-02 outside leap years are not days): a day that does not exist
  // rolls over into another month.
  const at = new Date(Date.UTC(year, month - 1, day))
  if (at.getUTCFullYear() !== year || at.getUTCMonth() !== month - 1 || at.getUTCDate() !== day) return null
  return `${year}-${pad(month)}-${pad(day)}`
}
