// A section signed by both sides, and so locked, by e-mail to the trekkers and signatories of the
// document's area or province, never to the one who signed last: who signed for which side and when, and
// for an ontwikkelperspectief how many of the eight required components are locked now (all eight: ready
// for the BO-MIRT), with a link to the overview. Several sections of one document locked within the
// gathering time go to each person as one mail (`sectionsLockedMail`). In the recipient's language.
import {
  COMPONENTS,
  type DocumentKind,
  type Language,
  readinessPath,
  SIDE_NAMES,
  SIDE_NAMES_EN,
  type SignSide,
} from '@novex/shared'
import { formatDate } from '../export/dossierText.ts'
import type { SectionLocked } from '../signoff/signoffService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine, personName, signoffPanelLink } from './mailText.ts'

/** What one lock mail says (kept with the queued mail, to write a bundle from). */
export interface SectionLockedPayload {
  readonly documentId: string
  readonly documentTitle: string
  readonly documentKind: DocumentKind
  readonly sectionTitle: string
  readonly signers: readonly {
    readonly name: string
    readonly organisationName: string
    readonly side: SignSide
    readonly at: number
  }[]
  /** Required components locked with this one (perspectives). */
  readonly lockedComponents: number
  readonly ready: boolean
}

export function sectionLockedPayload(
  event: SectionLocked,
  documentTitle: string,
  documentKind: DocumentKind,
): SectionLockedPayload {
  return {
    documentId: event.documentId,
    documentTitle,
    documentKind,
    sectionTitle: event.sectionTitle,
    signers: event.state.signatures.map(({ signer, at }) => ({
      name: signer.name,
      organisationName: signer.organisationName,
      side: signer.side,
      at,
    })),
    lockedComponents: event.readiness.components.filter((c) => c.locked).length,
    ready: event.readiness.ready,
  }
}

interface SectionLockedText {
  readonly untitled: string
  readonly signer: (who: string, side: SignSide, day: string) => string
  readonly one: (section: string, document: string) => string[]
  readonly signedBy: string
  readonly many: (count: number, document: string) => string[]
  readonly manySignedBy: (section: string) => string
  readonly ready: (total: number) => string
  readonly progress: (total: number, locked: number) => string
  readonly seeProgress: string
  readonly seeSignoff: string
  readonly subject: (section: string, document: string) => string
  readonly manySubject: (count: number, document: string) => string
  readonly reason: string
}

const TEXT: Readonly<Record<Language, SectionLockedText>> = {
  nl: {
    untitled: 'een onderdeel zonder titel',
    signer: (who, side, day) => `${who} voor ${SIDE_NAMES[side]}, op ${day}`,
    one: (section, document) => [
      `Het onderdeel "${section}" in "${document}" is ondertekend door beide partijen. De tekst is nu vergrendeld:`,
      'niemand kan hem nog wijzigen, tenzij beide partijen het onderdeel heropenen.',
    ],
    signedBy: 'Ondertekend door:',
    many: (count, document) => [
      `Deze ${count} onderdelen van "${document}" zijn ondertekend door beide partijen. De tekst ervan is nu`,
      'vergrendeld: niemand kan hem nog wijzigen, tenzij beide partijen het onderdeel heropenen.',
    ],
    manySignedBy: (section) => `"${section}", ondertekend door:`,
    ready: (total) =>
      `Alle ${total} verplichte onderdelen zijn nu ondertekend: het ontwikkelperspectief is gereed voor de BO-MIRT.`,
    progress: (total, locked) => `Van de ${total} verplichte onderdelen zijn er nu ${locked} ondertekend.`,
    seeProgress: 'Bekijk de stand van zaken in de editor:',
    seeSignoff: 'Bekijk de ondertekening in de editor:',
    subject: (section, document) => `Onderdeel ondertekend: ${section} — ${document}`,
    manySubject: (count, document) => `${count} onderdelen ondertekend — ${document}`,
    reason: 'U krijgt dit bericht omdat u trekker of ondertekenaar bent bij dit document.',
  },
  en: {
    untitled: 'an untitled section',
    signer: (who, side, day) => `${who} for ${SIDE_NAMES_EN[side]}, on ${day}`,
    one: (section, document) => [
      `The section "${section}" in "${document}" has been signed by both parties. Its text is now locked:`,
      'nobody can change it unless both parties reopen the section.',
    ],
    signedBy: 'Signed by:',
    many: (count, document) => [
      `These ${count} sections of "${document}" have been signed by both parties. Their text is now`,
      'locked: nobody can change it unless both parties reopen the section.',
    ],
    manySignedBy: (section) => `"${section}", signed by:`,
    ready: (total) =>
      `All ${total} required components are now signed: the development perspective is ready for the BO-MIRT.`,
    progress: (total, locked) => `${locked} of the ${total} required components are now signed.`,
    seeProgress: 'See where things stand in the editor:',
    seeSignoff: 'See the sign-off in the editor:',
    subject: (section, document) => `Section signed: ${section} — ${document}`,
    manySubject: (count, document) => `${count} sections signed — ${document}`,
    reason: 'You receive this message because you are a trekker or signatory of this document.',
  },
}

const sectionName = (payload: SectionLockedPayload, text: SectionLockedText): string =>
  oneLine(payload.sectionTitle) || text.untitled

const signerLines = (payload: SectionLockedPayload, text: SectionLockedText): string[] =>
  payload.signers.map((signer) => `- ${text.signer(personName(signer), signer.side, formatDate(signer.at))}`)

/** The progress and the link, from the latest lock. */
function ending(latest: SectionLockedPayload, publicUrl: URL, text: SectionLockedText): string[] {
  if (latest.documentKind !== 'ontwikkelperspectief')
    return [text.seeSignoff, signoffPanelLink(publicUrl, latest.documentId)]
  const total = COMPONENTS.length
  const progress = latest.ready ? text.ready(total) : text.progress(total, latest.lockedComponents)
  return [progress, '', text.seeProgress, editorLink(publicUrl, readinessPath(latest.documentId))]
}

export function sectionLockedMail(
  payload: SectionLockedPayload,
  recipientId: string,
  publicUrl: URL,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const section = sectionName(payload, text)
  const document = oneLine(payload.documentTitle)
  const body = [
    ...text.one(section, document),
    '',
    text.signedBy,
    ...signerLines(payload, text),
    '',
    ...ending(payload, publicUrl, text),
    '',
    ...closing(text.reason, language),
  ].join('\n')
  return {
    recipientId,
    kind: 'section-locked',
    documentId: payload.documentId,
    subject: text.subject(section, document),
    body,
    bundle: { key: `section-locked:${payload.documentId}`, payload: JSON.stringify(payload) },
  }
}

/** Several locks of one document as one mail, oldest first. */
export function sectionsLockedMail(
  payloads: readonly SectionLockedPayload[],
  publicUrl: URL,
  language: Language,
): { subject: string; body: string } {
  const text = TEXT[language]
  const latest = payloads.at(-1)
  if (latest === undefined) throw new Error('no locks to tell')
  const document = oneLine(latest.documentTitle)
  const body = [
    ...text.many(payloads.length, document),
    '',
    ...payloads.flatMap((payload) => [
      text.manySignedBy(sectionName(payload, text)),
      ...signerLines(payload, text),
      '',
    ]),
    ...ending(latest, publicUrl, text),
    '',
    ...closing(text.reason, language),
  ].join('\n')
  return { subject: text.manySubject(payloads.length, document), body }
}
