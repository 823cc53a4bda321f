// Requests to signatories by e-mail, with a link that opens the document's sign-off panel; never to the
// one who asks:
// - "Om ondertekening vragen": to the signatories whose side has not signed the section yet. Requests
//   for several sections of one document within the gathering time go to each person as one mail
//   (`signRequestsMail`);
// - "Heropenen voor wijziging (met reden)": a signatory of one side asks to reopen a locked section, and
//   a signatory of the other side must confirm it: to those, with the reason (unless mail may not quote
//   what people wrote: then the editor shows it). Always a mail of its own.
import type { Actor } from '@novex/shared'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

export interface SignoffRequestEvent {
  readonly kind: 'sign' | 'reopen'
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionTitle: string
  readonly by: Actor
  /** Reopen: why. */
  readonly reason: string | null
}

/** What one request to sign says (kept with the queued mail, to write a bundle from). */
export interface SignRequestPayload {
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionTitle: string
  /** "Name (Organisation)". */
  readonly by: string
}

const sectionName = (title: string): string => oneLine(title) || 'een onderdeel zonder titel'
const panelLink = (publicUrl: URL, documentId: string): string =>
  editorLink(publicUrl, `/document/${encodeURIComponent(documentId)}`, { paneel: 'ondertekenen' })
const why = closing('U krijgt dit bericht omdat u voor uw organisatie ondertekent.')

export function signoffRequestMail(
  event: SignoffRequestEvent,
  recipientId: string,
  publicUrl: URL,
  quotes: boolean,
): OutgoingMail {
  const section = sectionName(event.sectionTitle)
  const document = oneLine(event.documentTitle)
  const who = `${oneLine(event.by.name)} (${oneLine(event.by.organisationName)})`
  const link = panelLink(publicUrl, event.documentId)
  const lines =
    event.kind === 'sign'
      ? [
          `${who} vraagt u het onderdeel "${section}" in "${document}" te ondertekenen.`,
          '',
          'Lees het onderdeel en onderteken het in de editor, bij "Ondertekenen":',
        ]
      : [
          `${who} vraagt het ondertekende onderdeel "${section}" in "${document}" te heropenen voor wijziging.`,
          quotes ? `Reden: ${oneLine(event.reason ?? '')}` : 'De reden staat in de editor.',
          '',
          'Het onderdeel gaat pas open als een ondertekenaar van uw kant het bevestigt. Dat doet u in de editor, bij "Ondertekenen":',
        ]
  const payload: SignRequestPayload = {
    documentId: event.documentId,
    documentTitle: event.documentTitle,
    sectionTitle: event.sectionTitle,
    by: who,
  }
  return {
    recipientId,
    kind: 'signoff-request',
    documentId: event.documentId,
    subject:
      event.kind === 'sign'
        ? `Verzoek om ondertekening: ${section} — ${document}`
        : `Verzoek om heropenen: ${section} — ${document}`,
    body: [...lines, link, '', ...why].join('\n'),
    ...(event.kind === 'sign'
      ? { bundle: { key: `sign-request:${event.documentId}`, payload: JSON.stringify(payload) } }
      : {}),
  }
}

/** Several requests to sign sections of one document as one mail, oldest first. */
export function signRequestsMail(
  payloads: readonly SignRequestPayload[],
  publicUrl: URL,
): { subject: string; body: string } {
  const first = payloads[0]
  if (first === undefined) throw new Error('no requests to tell')
  const document = oneLine(first.documentTitle)
  const askers = [...new Set(payloads.map((p) => p.by))]
  const opening =
    askers.length === 1
      ? `${askers[0]} vraagt u deze ${payloads.length} onderdelen van "${document}" te ondertekenen:`
      : `U wordt gevraagd deze ${payloads.length} onderdelen van "${document}" te ondertekenen:`
  const body = [
    opening,
    ...payloads.map(
      (p) => `- "${sectionName(p.sectionTitle)}"${askers.length === 1 ? '' : ` (gevraagd door ${p.by})`}`,
    ),
    '',
    'Lees de onderdelen en onderteken ze in de editor, bij "Ondertekenen":',
    panelLink(publicUrl, first.documentId),
    '',
    ...why,
  ].join('\n')
  return { subject: `Verzoek om ondertekening van ${payloads.length} onderdelen — ${document}`, body }
}
