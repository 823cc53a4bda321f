// A locked section reopened (the other side confirmed the request), by e-mail to the trekkers and
// signatories of the document's area or province, never to the one who confirmed: who confirmed, the
// reason the request gave (unless mail may not quote what people wrote), and that both must sign again.
// In the recipient's language.
import type { Language } from '@novex/shared'
import type { SectionReopened } from '../signoff/signoffService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, oneLine, personName, signoffPanelLink } from './mailText.ts'

export interface SectionReopenedEvent extends SectionReopened {
  readonly documentTitle: string
}

interface ReopenedText {
  readonly untitled: string
  readonly confirmed: (who: string, section: string, document: string) => string
  readonly reason: (reason: string | null) => string
  readonly after: string
  readonly see: string
  readonly subject: (section: string, document: string) => string
  readonly why: string
}

const TEXT: Readonly<Record<Language, ReopenedText>> = {
  nl: {
    untitled: 'een onderdeel zonder titel',
    confirmed: (who, section, document) =>
      `${who} heeft bevestigd dat het ondertekende onderdeel "${section}" in "${document}" wordt heropend voor wijziging.`,
    reason: (reason) => (reason === null ? 'De reden staat in de editor.' : `Reden: ${reason}`),
    after: 'De tekst kan weer worden gewijzigd. Daarna moeten beide partijen het onderdeel opnieuw ondertekenen.',
    see: 'Bekijk het onderdeel in de editor:',
    subject: (section, document) => `Onderdeel heropend: ${section} — ${document}`,
    why: 'U krijgt dit bericht omdat u trekker of ondertekenaar bent bij dit document.',
  },
  en: {
    untitled: 'an untitled section',
    confirmed: (who, section, document) =>
      `${who} confirmed that the signed section "${section}" in "${document}" is reopened for changes.`,
    reason: (reason) => (reason === null ? 'The reason is shown in the editor.' : `Reason: ${reason}`),
    after: 'The text can be changed again. Afterwards both parties must sign the section again.',
    see: 'See the section in the editor:',
    subject: (section, document) => `Section reopened: ${section} — ${document}`,
    why: 'You receive this message because you are a trekker or signatory of this document.',
  },
}

export function sectionReopenedMail(
  event: SectionReopenedEvent,
  recipientId: string,
  publicUrl: URL,
  quotes: boolean,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const section = oneLine(event.sectionTitle) || text.untitled
  const document = oneLine(event.documentTitle)
  const who = personName(event.by)
  const body = [
    text.confirmed(who, section, document),
    text.reason(quotes ? oneLine(event.reason) : null),
    text.after,
    '',
    text.see,
    signoffPanelLink(publicUrl, event.documentId),
    '',
    ...closing(text.why, language),
  ].join('\n')
  return {
    recipientId,
    kind: 'section-reopened',
    documentId: event.documentId,
    subject: text.subject(section, document),
    body,
  }
}
