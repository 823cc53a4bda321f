// Dates as dd-mm-jjjj, in every language (the Dutch government's notation), and times as HH:mm.
const pad = (n: number): string => String(n).padStart(2, '0')

export function formatDate(at: number | Date): string {
  const d = new Date(at)
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`
}

export function formatDateTime(at: number | Date): string {
  const d = new Date(at)
  return `${formatDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
