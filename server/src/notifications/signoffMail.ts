// "Om ondertekening vragen" by e-mail: the signatories who can still sign the section (their side has
// not signed it yet) hear who asks them to sign which section, with a link that opens the document's
// sign-off panel. Never to the one who asks.
import type { Actor } from '@novex/shared'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

export interface SignoffRequestEvent {
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionTitle: string
  readonly by: Actor
}

export function signoffRequestMail(event: SignoffRequestEvent, recipientId: string, publicUrl: URL): OutgoingMail {
  const section = oneLine(event.sectionTitle) || 'een onderdeel zonder titel'
  const document = oneLine(event.documentTitle)
  const link = editorLink(publicUrl, `/document/${encodeURIComponent(event.documentId)}`, { paneel: 'ondertekenen' })
  const body = [
    `${oneLine(event.by.name)} (${oneLine(event.by.organisationName)}) vraagt u het onderdeel "${section}" in "${document}" te ondertekenen.`,
    '',
    'Lees het onderdeel en onderteken het in de editor, bij "Ondertekenen":',
    link,
    '',
    ...closing('U krijgt dit bericht omdat u voor uw organisatie ondertekent.'),
  ].join('\n')
  return {
    recipientId,
    kind: 'signoff-request',
    documentId: event.documentId,
    subject: `Verzoek om ondertekening: ${section} — ${document}`,
    body,
  }
}
