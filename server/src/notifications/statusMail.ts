// A status decision on an ontwikkelperspectief by e-mail (submitted for consent, withdrawn, consent or
// adoption recorded): the area's trekkers and signatories hear who decided what, and the status it
// reached, with a link to "Gereed voor BO-MIRT?". Never to the one who decided. In the recipient's
// language.
import {
  DOCUMENT_STATUS_TITLES,
  DOCUMENT_STATUS_TITLES_EN,
  type DocumentStatus,
  type Language,
  readinessPath,
  SIDE_NAMES,
  SIDE_NAMES_EN,
  type SignSide,
  type StatusDecision,
} from '@novex/shared'
import { formatDay } from '../export/dossierText.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine, personName } from './mailText.ts'

export interface StatusDecisionEvent {
  readonly documentId: string
  readonly documentTitle: string
  readonly decision: StatusDecision
  /** The status the document reached with it. */
  readonly reached: DocumentStatus
}

/** What a decision's mail says, given the document, the side's name, the day and the note. */
type Say = (document: string, side: string, day: string, note: string) => { subject: string; line: string }

interface StatusMailText {
  readonly sides: Readonly<Record<SignSide, string>>
  readonly statuses: Readonly<Record<DocumentStatus, string>>
  readonly decisions: Readonly<Record<StatusDecision['kind'], Say>>
  readonly reached: (status: string) => string
  readonly see: string
  readonly reason: string
}

const TEXT: Readonly<Record<Language, StatusMailText>> = {
  nl: {
    sides: SIDE_NAMES,
    statuses: DOCUMENT_STATUS_TITLES,
    decisions: {
      submitted: (document, _side, _day, note) => ({
        subject: `Ter instemming aangeboden: ${document}`,
        line: `heeft "${document}" ter instemming aangeboden.${note === '' ? '' : ` Toelichting: ${note}`} De tekst kan niet meer worden gewijzigd.`,
      }),
      withdrawn: (document, _side, _day, note) => ({
        subject: `Aanbieding ingetrokken: ${document}`,
        line: `heeft de aanbieding van "${document}" ingetrokken. Reden: ${note} De tekst kan weer worden gewijzigd.`,
      }),
      consented: (document, side, day, note) => ({
        subject: `Instemming van ${side} vastgelegd: ${document}`,
        line: `heeft vastgelegd dat ${side} op ${day} heeft ingestemd met "${document}" (${note}).`,
      }),
      adopted: (document, side, day, note) => ({
        subject: `Vaststelling door ${side} vastgelegd: ${document}`,
        line: `heeft vastgelegd dat ${side} "${document}" op ${day} heeft vastgesteld (${note}).`,
      }),
    },
    reached: (status) => `De status is nu: ${status}.`,
    see: 'Bekijk de besluitvorming in de editor:',
    reason: 'U krijgt dit bericht omdat u trekker of ondertekenaar bent in dit gebied.',
  },
  en: {
    sides: SIDE_NAMES_EN,
    statuses: DOCUMENT_STATUS_TITLES_EN,
    decisions: {
      submitted: (document, _side, _day, note) => ({
        subject: `Submitted for consent: ${document}`,
        line: `submitted "${document}" for consent.${note === '' ? '' : ` Note: ${note}`} The text can no longer be changed.`,
      }),
      withdrawn: (document, _side, _day, note) => ({
        subject: `Submission withdrawn: ${document}`,
        line: `withdrew the submission of "${document}". Reason: ${note} The text can be changed again.`,
      }),
      consented: (document, side, day, note) => ({
        subject: `Consent of ${side} recorded: ${document}`,
        line: `recorded that ${side} consented to "${document}" on ${day} (${note}).`,
      }),
      adopted: (document, side, day, note) => ({
        subject: `Adoption by ${side} recorded: ${document}`,
        line: `recorded that ${side} adopted "${document}" on ${day} (${note}).`,
      }),
    },
    reached: (status) => `The status is now: ${status}.`,
    see: 'See the decision-making in the editor:',
    reason: 'You receive this message because you are a trekker or signatory in this area.',
  },
}

export function statusDecisionMail(
  event: StatusDecisionEvent,
  recipientId: string,
  publicUrl: URL,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const document = oneLine(event.documentTitle)
  const { decision } = event
  const side = decision.by.side === null ? '' : text.sides[decision.by.side]
  const day = decision.date === null ? '' : formatDay(decision.date)
  const { subject, line } = text.decisions[decision.kind](document, side, day, oneLine(decision.note))
  const body = [
    `${personName(decision.by)} ${line}`,
    '',
    text.reached(text.statuses[event.reached]),
    '',
    text.see,
    editorLink(publicUrl, readinessPath(event.documentId)),
    '',
    ...closing(text.reason, language),
  ].join('\n')
  return { recipientId, kind: 'status', documentId: event.documentId, subject, body }
}
