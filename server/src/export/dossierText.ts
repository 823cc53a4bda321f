// The Dutch words and date formats of the dossier, in one place so that the four formats say the same.
// Dates are dd-mm-jjjj (the users' convention) in Europe/Amsterdam, whatever the server's zone.
import type { DocumentSenders, LedgerKind, SignSide } from '@novex/shared'

export const LABELS = {
  dossierKind: 'Dossier voor het BO-MIRT',
  senders: 'Afzenders',
  /** The Rijk as a sender when no ministry leads the document's area (a ruimtelijk voorstel). */
  rijk: 'Rijksoverheid',
  province: 'Provincie',
  area: 'NOVEX-gebied',
  date: 'Datum',
  status: 'Status',
  notIncluded: 'Nog niet door beide partijen ondertekend — niet opgenomen in het dossier.',
  component: 'Verplicht onderdeel',
  appendix: 'Bijlage: ondertekening',
  appendixIntro:
    'Per ondertekend onderdeel: wie namens welke partij heeft ondertekend, wanneer, en de hash van de ondertekende tekst. Daarna het volledige logboek van de ondertekening, in volgorde.',
  signedSections: 'Ondertekende onderdelen',
  noSignedSections: 'Nog geen onderdelen door beide partijen ondertekend.',
  lockedAt: 'Vergrendeld op',
  signedAt: 'ondertekend op',
  ledger: 'Logboek',
  emptyLedger: 'Het logboek is leeg.',
  decisions: 'Besluitvorming',
  decisionsIntro:
    'De besluiten over dit ontwikkelperspectief, in de volgorde waarin de trekkers ze hebben vastgelegd: aanbieding ter instemming, intrekking, instemming en vaststelling door het Rijk en de regio.',
  by: 'Door',
  server: 'automatisch (server)',
  hash: 'Hash',
  reason: 'Reden',
  side: 'Partij',
  and: 'en',
  page: 'Pagina',
  of: 'van',
  image: 'Afbeelding',
  imageWithoutAlt: 'Afbeelding zonder beschrijving',
  imageMissing: 'Afbeelding ontbreekt',
} as const

export const LEDGER_KIND_LABELS: Readonly<Record<LedgerKind, string>> = {
  request: 'aangeboden ter ondertekening',
  sign: 'ondertekend',
  lapse: 'vervallen',
  lock: 'vergrendeld',
  'reopen-request': 'verzoek tot heropenen',
  reopen: 'heropend',
}

export const SIDE_LABELS: Readonly<Record<SignSide, string>> = { rijk: 'Rijk', provincie: 'Provincie' }

const DAY_FORMAT = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function parts(ms: number): Record<'day' | 'month' | 'year' | 'hour' | 'minute', string> {
  const found = { day: '', month: '', year: '', hour: '', minute: '' }
  for (const part of DAY_FORMAT.formatToParts(ms)) {
    if (part.type in found) found[part.type as keyof typeof found] = part.value
  }
  return found
}

/** dd-mm-jjjj in Europe/Amsterdam. */
export function formatDate(ms: number): string {
  const p = parts(ms)
  return `${p.day}-${p.month}-${p.year}`
}

/** dd-mm-jjjj HH:mm in Europe/Amsterdam. */
export function formatDateTime(ms: number): string {
  const p = parts(ms)
  return `${p.day}-${p.month}-${p.year} ${p.hour}:${p.minute}`
}

/** A day given as yyyy-mm-dd (a decision's meeting day) as dd-mm-jjjj; anything else as it is. */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day)
  return match ? `${match[3]}-${match[2]}-${match[1]}` : day
}

/** "A", "A en B", "A, B en C": a Dutch enumeration (no comma before "en"). */
export function dutchList(items: readonly string[]): string {
  const last = items.at(-1)
  if (last === undefined) return ''
  return items.length === 1 ? last : `${items.slice(0, -1).join(', ')} ${LABELS.and} ${last}`
}

/**
 * Every sender by name, the Rijk first: "Ministerie van LVVN", "Provincie Noord-Brabant", "Provincie
 * Limburg" (the Rijk as "Rijksoverheid" when no ministry leads the area).
 */
function senderNames(senders: DocumentSenders): string[] {
  return [senders.rijkLead ?? LABELS.rijk, ...senders.provinces.map((name) => `${LABELS.province} ${name}`)]
}

/** "Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg". */
export function sendersLine(senders: DocumentSenders): string {
  return dutchList(senderNames(senders))
}

/** An embedded image's alternative text for a screen reader: the editor's, or that it has none. */
export function imageDescription(alt: string): string {
  return alt || LABELS.imageWithoutAlt
}

/** An image named in text, where the file cannot hold it (Markdown): "Afbeelding: <alt>". */
export function imageLabel(alt: string): string {
  return alt ? `${LABELS.image}: ${alt}` : LABELS.imageWithoutAlt
}

/** "[Afbeelding ontbreekt: <alt>]": an image whose bytes the dossier lacks or cannot show. */
export function missingImageText(alt: string): string {
  return alt ? `[${LABELS.imageMissing}: ${alt}]` : `[${LABELS.imageMissing}]`
}

/** "2.1 Titel", or the title alone when the section has no number. */
export function numberedTitle(number: string, title: string): string {
  return number.trim() ? `${number.trim()} ${title}` : title
}
