// A section signed by both sides, and so locked, by e-mail to the trekkers and signatories of the
// document's area or province, never to the one who signed last: who signed for which side and when, and
// for an ontwikkelperspectief how many of the eight required components are locked now (all eight: ready
// for the BO-MIRT), with a link to the overview. Several sections of one document locked within the
// gathering time go to each person as one mail (`sectionsLockedMail`).
import { COMPONENTS, type DocumentKind, SIDE_NAMES, type SignSide } from '@novex/shared'
import { formatDate } from '../export/dossierText.ts'
import type { SectionLocked } from '../signoff/signoffService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

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

const sectionName = (payload: SectionLockedPayload): string =>
  oneLine(payload.sectionTitle) || 'een onderdeel zonder titel'

const signerLine = (signer: SectionLockedPayload['signers'][number]): string =>
  `${oneLine(signer.name)} (${oneLine(signer.organisationName)}) voor ${SIDE_NAMES[signer.side]}, op ${formatDate(signer.at)}`

/** The progress and the link, from the latest lock. */
function ending(latest: SectionLockedPayload, publicUrl: URL): string[] {
  const base = `/document/${encodeURIComponent(latest.documentId)}`
  if (latest.documentKind !== 'ontwikkelperspectief')
    return ['Bekijk de ondertekening in de editor:', editorLink(publicUrl, base, { paneel: 'ondertekenen' })]
  const progress = latest.ready
    ? `Alle ${COMPONENTS.length} verplichte onderdelen zijn nu ondertekend: het ontwikkelperspectief is gereed voor de BO-MIRT.`
    : `Van de ${COMPONENTS.length} verplichte onderdelen zijn er nu ${latest.lockedComponents} ondertekend.`
  return [progress, '', 'Bekijk de stand van zaken in de editor:', editorLink(publicUrl, `${base}/gereed`)]
}

const why = closing('U krijgt dit bericht omdat u trekker of ondertekenaar bent bij dit document.')

export function sectionLockedMail(payload: SectionLockedPayload, recipientId: string, publicUrl: URL): OutgoingMail {
  const section = sectionName(payload)
  const document = oneLine(payload.documentTitle)
  const body = [
    `Het onderdeel "${section}" in "${document}" is ondertekend door beide partijen. De tekst is nu vergrendeld:`,
    'niemand kan hem nog wijzigen, tenzij beide partijen het onderdeel heropenen.',
    '',
    'Ondertekend door:',
    ...payload.signers.map((signer) => `- ${signerLine(signer)}`),
    '',
    ...ending(payload, publicUrl),
    '',
    ...why,
  ].join('\n')
  return {
    recipientId,
    kind: 'section-locked',
    documentId: payload.documentId,
    subject: `Onderdeel ondertekend: ${section} — ${document}`,
    body,
    bundle: { key: `section-locked:${payload.documentId}`, payload: JSON.stringify(payload) },
  }
}

/** Several locks of one document as one mail, oldest first. */
export function sectionsLockedMail(
  payloads: readonly SectionLockedPayload[],
  publicUrl: URL,
): { subject: string; body: string } {
  const latest = payloads.at(-1)
  if (latest === undefined) throw new Error('no locks to tell')
  const document = oneLine(latest.documentTitle)
  const body = [
    `Deze ${payloads.length} onderdelen van "${document}" zijn ondertekend door beide partijen. De tekst ervan is nu`,
    'vergrendeld: niemand kan hem nog wijzigen, tenzij beide partijen het onderdeel heropenen.',
    '',
    ...payloads.flatMap((payload) => [
      `"${sectionName(payload)}", ondertekend door:`,
      ...payload.signers.map((signer) => `- ${signerLine(signer)}`),
      '',
    ]),
    ...ending(latest, publicUrl),
    '',
    ...why,
  ].join('\n')
  return { subject: `${payloads.length} onderdelen ondertekend — ${document}`, body }
}
