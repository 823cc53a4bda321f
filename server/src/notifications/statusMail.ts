// A status decision on an ontwikkelperspectief by e-mail (submitted for consent, withdrawn, consent or
// adoption recorded): the area's trekkers and signatories hear who decided what, and the status it
// reached, with a link to "Gereed voor BO-MIRT?". Never to the one who decided.
import { DOCUMENT_STATUS_TITLES, type DocumentStatus, SIDE_NAMES, type StatusDecision } from '@novex/shared'
import { formatDay } from '../export/dossierText.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

export interface StatusDecisionEvent {
  readonly documentId: string
  readonly documentTitle: string
  readonly decision: StatusDecision
  /** The status the document reached with it. */
  readonly reached: DocumentStatus
}

function what(decision: StatusDecision, document: string): { subject: string; line: string } {
  const side = decision.by.side === null ? '' : SIDE_NAMES[decision.by.side]
  const day = decision.date === null ? '' : formatDay(decision.date)
  const note = oneLine(decision.note)
  switch (decision.kind) {
    case 'submitted':
      return {
        subject: `Ter instemming aangeboden: ${document}`,
        line: `heeft "${document}" ter instemming aangeboden.${note === '' ? '' : ` Toelichting: ${note}`} De tekst kan niet meer worden gewijzigd.`,
      }
    case 'withdrawn':
      return {
        subject: `Aanbieding ingetrokken: ${document}`,
        line: `heeft de aanbieding van "${document}" ingetrokken. Reden: ${note} De tekst kan weer worden gewijzigd.`,
      }
    case 'consented':
      return {
        subject: `Instemming van ${side} vastgelegd: ${document}`,
        line: `heeft vastgelegd dat ${side} op ${day} heeft ingestemd met "${document}" (${note}).`,
      }
    case 'adopted':
      return {
        subject: `Vaststelling door ${side} vastgelegd: ${document}`,
        line: `heeft vastgelegd dat ${side} "${document}" op ${day} heeft vastgesteld (${note}).`,
      }
  }
}

export function statusDecisionMail(event: StatusDecisionEvent, recipientId: string, publicUrl: URL): OutgoingMail {
  const document = oneLine(event.documentTitle)
  const { subject, line } = what(event.decision, document)
  const by = event.decision.by
  const body = [
    `${oneLine(by.name)} (${oneLine(by.organisationName)}) ${line}`,
    '',
    `De status is nu: ${DOCUMENT_STATUS_TITLES[event.reached]}.`,
    '',
    'Bekijk de besluitvorming in de editor:',
    editorLink(publicUrl, `/document/${encodeURIComponent(event.documentId)}/gereed`),
    '',
    ...closing('U krijgt dit bericht omdat u trekker of ondertekenaar bent in dit gebied.'),
  ].join('\n')
  return { recipientId, kind: 'status', documentId: event.documentId, subject, body }
}
