// Requests to signatories by e-mail, with a link that opens the document's sign-off panel; never to the
// one who asks:
// - "Om ondertekening vragen": to the signatories whose side has not signed the section yet;
// - "Heropenen voor wijziging (met reden)": a signatory of one side asks to reopen a locked section, and
//   a signatory of the other side must confirm it: to those, with the reason.
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

export function signoffRequestMail(event: SignoffRequestEvent, recipientId: string, publicUrl: URL): OutgoingMail {
  const section = oneLine(event.sectionTitle) || 'een onderdeel zonder titel'
  const document = oneLine(event.documentTitle)
  const who = `${oneLine(event.by.name)} (${oneLine(event.by.organisationName)})`
  const link = editorLink(publicUrl, `/document/${encodeURIComponent(event.documentId)}`, { paneel: 'ondertekenen' })
  const lines =
    event.kind === 'sign'
      ? [
          `${who} vraagt u het onderdeel "${section}" in "${document}" te ondertekenen.`,
          '',
          'Lees het onderdeel en onderteken het in de editor, bij "Ondertekenen":',
        ]
      : [
          `${who} vraagt het ondertekende onderdeel "${section}" in "${document}" te heropenen voor wijziging.`,
          `Reden: ${oneLine(event.reason ?? '')}`,
          '',
          'Het onderdeel gaat pas open als een ondertekenaar van uw kant het bevestigt. Dat doet u in de editor, bij "Ondertekenen":',
        ]
  return {
    recipientId,
    kind: 'signoff-request',
    documentId: event.documentId,
    subject:
      event.kind === 'sign'
        ? `Verzoek om ondertekening: ${section} — ${document}`
        : `Verzoek om heropenen: ${section} — ${document}`,
    body: [...lines, link, '', ...closing('U krijgt dit bericht omdat u voor uw organisatie ondertekent.')].join('\n'),
  }
}
