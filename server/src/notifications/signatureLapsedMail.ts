// A signature that lapsed because the section's text changed after it was given, by e-mail to the one
// who signed: read the new text and sign again. Several of one document within the gathering time go as
// one mail (`signaturesLapsedMail`). In the recipient's language.
import { type Language, SIDE_NAMES, SIDE_NAMES_EN, type SignSide } from '@novex/shared'
import { formatDate } from '../export/dossierText.ts'
import type { SignatureLapsed } from '../signoff/signoffService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, oneLine, signoffPanelLink } from './mailText.ts'

/** What one lapse mail says (kept with the queued mail, to write a bundle from). */
export interface SignatureLapsedPayload {
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionTitle: string
  readonly side: SignSide
  readonly signedAt: number
}

export function signatureLapsedPayload(lapsed: SignatureLapsed, documentTitle: string): SignatureLapsedPayload {
  return {
    documentId: lapsed.documentId,
    documentTitle,
    sectionTitle: lapsed.sectionTitle,
    side: lapsed.signature.signer.side,
    signedAt: lapsed.signature.at,
  }
}

interface LapsedText {
  readonly untitled: string
  readonly one: (section: string, document: string, side: SignSide, day: string) => string
  readonly many: (count: number, document: string) => string
  readonly again: (many: boolean) => string
  readonly subject: (section: string, document: string) => string
  readonly manySubject: (count: number, document: string) => string
  readonly why: string
}

const TEXT: Readonly<Record<Language, LapsedText>> = {
  nl: {
    untitled: 'een onderdeel zonder titel',
    one: (section, document, side, day) =>
      `Uw ondertekening van het onderdeel "${section}" in "${document}" (voor ${SIDE_NAMES[side]}, op ${day}) is vervallen: de tekst is gewijzigd nadat u ondertekende.`,
    many: (count, document) =>
      `Uw ondertekening van deze ${count} onderdelen van "${document}" is vervallen: de tekst is gewijzigd nadat u ondertekende.`,
    again: (many) =>
      many
        ? 'Lees de nieuwe tekst en onderteken de onderdelen opnieuw in de editor, bij "Ondertekenen":'
        : 'Lees de nieuwe tekst en onderteken opnieuw in de editor, bij "Ondertekenen":',
    subject: (section, document) => `Ondertekening vervallen: ${section} — ${document}`,
    manySubject: (count, document) => `Ondertekening vervallen van ${count} onderdelen — ${document}`,
    why: 'U krijgt dit bericht omdat u dit onderdeel had ondertekend.',
  },
  en: {
    untitled: 'an untitled section',
    one: (section, document, side, day) =>
      `Your signature on the section "${section}" in "${document}" (for ${SIDE_NAMES_EN[side]}, on ${day}) has lapsed: the text was changed after you signed.`,
    many: (count, document) =>
      `Your signature on these ${count} sections of "${document}" has lapsed: the text was changed after you signed.`,
    again: (many) =>
      many
        ? 'Read the new text and sign the sections again in the editor, under "Sign":'
        : 'Read the new text and sign again in the editor, under "Sign":',
    subject: (section, document) => `Signature lapsed: ${section} — ${document}`,
    manySubject: (count, document) => `Signatures lapsed on ${count} sections — ${document}`,
    why: 'You receive this message because you had signed this section.',
  },
}

export function signatureLapsedMail(
  payload: SignatureLapsedPayload,
  recipientId: string,
  publicUrl: URL,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const section = oneLine(payload.sectionTitle) || text.untitled
  const document = oneLine(payload.documentTitle)
  const body = [
    text.one(section, document, payload.side, formatDate(payload.signedAt)),
    '',
    text.again(false),
    signoffPanelLink(publicUrl, payload.documentId),
    '',
    ...closing(text.why, language),
  ].join('\n')
  return {
    recipientId,
    kind: 'signature-lapsed',
    documentId: payload.documentId,
    subject: text.subject(section, document),
    body,
    bundle: { key: `signature-lapsed:${payload.documentId}`, payload: JSON.stringify(payload) },
  }
}

/** Several lapses of one document as one mail, oldest first. */
export function signaturesLapsedMail(
  payloads: readonly SignatureLapsedPayload[],
  publicUrl: URL,
  language: Language,
): { subject: string; body: string } {
  const text = TEXT[language]
  const first = payloads[0]
  if (first === undefined) throw new Error('no lapses to tell')
  const document = oneLine(first.documentTitle)
  const body = [
    text.many(payloads.length, document),
    ...payloads.map((p) => `- "${oneLine(p.sectionTitle) || text.untitled}"`),
    '',
    text.again(true),
    signoffPanelLink(publicUrl, first.documentId),
    '',
    ...closing(text.why, language),
  ].join('\n')
  return { subject: text.manySubject(payloads.length, document), body }
}
