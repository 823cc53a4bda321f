// Requests to signatories by e-mail, with a link that opens the document's sign-off panel; never to the
// one who asks. In the recipient's language.
// - "Om ondertekening vragen": to the signatories whose side has not signed the section yet. Requests
//   for several sections of one document within the gathering time go to each person as one mail
//   (`signRequestsMail`);
// - "Heropenen voor wijziging (met reden)": a signatory of one side asks to reopen a locked section, and
//   a signatory of the other side must confirm it: to those, with the reason (unless mail may not quote
//   what people wrote: then the editor shows it). Always a mail of its own.
import type { Actor, Language } from '@novex/shared'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, oneLine, personName, signoffPanelLink } from './mailText.ts'

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

interface SignoffMailText {
  readonly untitled: string
  readonly sign: (who: string, section: string, document: string) => string[]
  readonly reopen: (who: string, section: string, document: string, reason: string | null) => string[]
  readonly signSubject: (section: string, document: string) => string
  readonly reopenSubject: (section: string, document: string) => string
  readonly signMany: (asker: string | null, count: number, document: string) => string
  readonly askedBy: (asker: string) => string
  readonly signManyHow: string
  readonly signManySubject: (count: number, document: string) => string
  readonly reason: string
}

const TEXT: Readonly<Record<Language, SignoffMailText>> = {
  nl: {
    untitled: 'een onderdeel zonder titel',
    sign: (who, section, document) => [
      `${who} vraagt u het onderdeel "${section}" in "${document}" te ondertekenen.`,
      '',
      'Lees het onderdeel en onderteken het in de editor, bij "Ondertekenen":',
    ],
    reopen: (who, section, document, reason) => [
      `${who} vraagt het ondertekende onderdeel "${section}" in "${document}" te heropenen voor wijziging.`,
      reason === null ? 'De reden staat in de editor.' : `Reden: ${reason}`,
      '',
      'Het onderdeel gaat pas open als een ondertekenaar van uw kant het bevestigt. Dat doet u in de editor, bij "Ondertekenen":',
    ],
    signSubject: (section, document) => `Verzoek om ondertekening: ${section} — ${document}`,
    reopenSubject: (section, document) => `Verzoek om heropenen: ${section} — ${document}`,
    signMany: (asker, count, document) =>
      asker === null
        ? `U wordt gevraagd deze ${count} onderdelen van "${document}" te ondertekenen:`
        : `${asker} vraagt u deze ${count} onderdelen van "${document}" te ondertekenen:`,
    askedBy: (asker) => ` (gevraagd door ${asker})`,
    signManyHow: 'Lees de onderdelen en onderteken ze in de editor, bij "Ondertekenen":',
    signManySubject: (count, document) => `Verzoek om ondertekening van ${count} onderdelen — ${document}`,
    reason: 'U krijgt dit bericht omdat u voor uw organisatie ondertekent.',
  },
  en: {
    untitled: 'an untitled section',
    sign: (who, section, document) => [
      `${who} asks you to sign the section "${section}" in "${document}".`,
      '',
      'Read the section and sign it in the editor, under "Sign":',
    ],
    reopen: (who, section, document, reason) => [
      `${who} asks to reopen the signed section "${section}" in "${document}" for changes.`,
      reason === null ? 'The reason is shown in the editor.' : `Reason: ${reason}`,
      '',
      'The section opens only when a signatory of your side confirms it. You do that in the editor, under "Sign":',
    ],
    signSubject: (section, document) => `Request to sign: ${section} — ${document}`,
    reopenSubject: (section, document) => `Request to reopen: ${section} — ${document}`,
    signMany: (asker, count, document) =>
      asker === null
        ? `You are asked to sign these ${count} sections of "${document}":`
        : `${asker} asks you to sign these ${count} sections of "${document}":`,
    askedBy: (asker) => ` (asked by ${asker})`,
    signManyHow: 'Read the sections and sign them in the editor, under "Sign":',
    signManySubject: (count, document) => `Request to sign ${count} sections — ${document}`,
    reason: 'You receive this message because you sign for your organisation.',
  },
}

export function signoffRequestMail(
  event: SignoffRequestEvent,
  recipientId: string,
  publicUrl: URL,
  quotes: boolean,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const section = oneLine(event.sectionTitle) || text.untitled
  const document = oneLine(event.documentTitle)
  const who = personName(event.by)
  const lines =
    event.kind === 'sign'
      ? text.sign(who, section, document)
      : text.reopen(who, section, document, quotes ? oneLine(event.reason ?? '') : null)
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
    subject: event.kind === 'sign' ? text.signSubject(section, document) : text.reopenSubject(section, document),
    body: [...lines, signoffPanelLink(publicUrl, event.documentId), '', ...closing(text.reason, language)].join('\n'),
    ...(event.kind === 'sign'
      ? { bundle: { key: `sign-request:${event.documentId}`, payload: JSON.stringify(payload) } }
      : {}),
  }
}

/** Several requests to sign sections of one document as one mail, oldest first. */
export function signRequestsMail(
  payloads: readonly SignRequestPayload[],
  publicUrl: URL,
  language: Language,
): { subject: string; body: string } {
  const text = TEXT[language]
  const first = payloads[0]
  if (first === undefined) throw new Error('no requests to tell')
  const document = oneLine(first.documentTitle)
  const askers = [...new Set(payloads.map((p) => p.by))]
  const one = askers.length === 1 ? (askers[0] ?? null) : null
  const body = [
    text.signMany(one, payloads.length, document),
    ...payloads.map((p) => `- "${oneLine(p.sectionTitle) || text.untitled}"${one === null ? text.askedBy(p.by) : ''}`),
    '',
    text.signManyHow,
    signoffPanelLink(publicUrl, first.documentId),
    '',
    ...closing(text.reason, language),
  ].join('\n')
  return { subject: text.signManySubject(payloads.length, document), body }
}
