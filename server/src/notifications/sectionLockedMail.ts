// A section signed by both sides, and so locked, by e-mail to the trekkers and signatories of the
// document's area or province, never to the one who signed last: who signed for which side and when, and
// for an ontwikkelperspectief how many of the eight required components are locked now (all eight: ready
// for the BO-MIRT), with a link to the overview.
import { COMPONENTS, type DocumentKind, SIDE_NAMES } from '@novex/shared'
import { formatDate } from '../export/dossierText.ts'
import type { SectionLocked } from '../signoff/signoffService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

export interface SectionLockedEvent extends SectionLocked {
  readonly documentTitle: string
  readonly documentKind: DocumentKind
}

function progress(event: SectionLockedEvent): string[] {
  if (event.documentKind !== 'ontwikkelperspectief') return []
  const locked = event.readiness.components.filter((c) => c.locked).length
  if (event.readiness.ready)
    return [
      `Alle ${COMPONENTS.length} verplichte onderdelen zijn nu ondertekend: het ontwikkelperspectief is gereed voor de BO-MIRT.`,
    ]
  return [`Van de ${COMPONENTS.length} verplichte onderdelen zijn er nu ${locked} ondertekend.`]
}

export function sectionLockedMail(event: SectionLockedEvent, recipientId: string, publicUrl: URL): OutgoingMail {
  const section = oneLine(event.sectionTitle) || 'een onderdeel zonder titel'
  const document = oneLine(event.documentTitle)
  const base = `/document/${encodeURIComponent(event.documentId)}`
  const link =
    event.documentKind === 'ontwikkelperspectief'
      ? editorLink(publicUrl, `${base}/gereed`)
      : editorLink(publicUrl, base, { paneel: 'ondertekenen' })
  const signers = event.state.signatures.map(
    (s) =>
      `- ${oneLine(s.signer.name)} (${oneLine(s.signer.organisationName)}) voor ${SIDE_NAMES[s.signer.side]}, op ${formatDate(s.at)}`,
  )
  const body = [
    `Het onderdeel "${section}" in "${document}" is ondertekend door beide partijen. De tekst is nu vergrendeld:`,
    'niemand kan hem nog wijzigen, tenzij beide partijen het onderdeel heropenen.',
    '',
    'Ondertekend door:',
    ...signers,
    ...(progress(event).length > 0 ? ['', ...progress(event)] : []),
    '',
    event.documentKind === 'ontwikkelperspectief'
      ? 'Bekijk de stand van zaken in de editor:'
      : 'Bekijk de ondertekening in de editor:',
    link,
    '',
    ...closing('U krijgt dit bericht omdat u trekker of ondertekenaar bent bij dit document.'),
  ].join('\n')
  return {
    recipientId,
    kind: 'section-locked',
    documentId: event.documentId,
    subject: `Onderdeel ondertekend: ${section} — ${document}`,
    body,
  }
}
