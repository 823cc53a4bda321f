// An ijkmoment opened or closed, by e-mail to everyone who may comment on the document (auteurs,
// meelezers, trekkers), never to the trekker who did it. Opened: the round asks for their reactions,
// with a link to the document. Closed: the version, named as the version history names it ("Einde
// IJkmoment 1", "End of review checkpoint 1"), and the round report are in the version history, and how
// many open threads went on into the next round. In the recipient's language.
import { documentPath, type Language, type Round, versionsPath } from '@novex/shared'
import type { RoundChange } from '../review/reviewService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, counted, editorLink, oneLine } from './mailText.ts'

export interface RoundChangeEvent extends RoundChange {
  readonly documentTitle: string
}

interface RoundMailText {
  readonly round: (round: Round) => string
  readonly last: string
  readonly noneCarried: (next: string) => string
  readonly carried: (count: number, next: string) => string
  readonly opened: (who: string, round: string, document: string) => string[]
  readonly openLink: string
  readonly closed: (who: string, round: string, document: string) => string
  /** Where the version stored at the round's end (named as the client's versions catalogue names it) is. */
  readonly versions: (round: Round) => string
  readonly subject: (round: string, opened: boolean, document: string) => string
  readonly reason: string
}

const TEXT: Readonly<Record<Language, RoundMailText>> = {
  nl: {
    round: (round) => `IJkmoment ${round}`,
    last: 'Dit was het laatste ijkmoment.',
    noneCarried: (next) => `Er stonden geen open reacties meer; ${next} begint zonder.`,
    carried: (count, next) =>
      `${counted(count, 'open reactie', 'open reacties')} ${count === 1 ? 'gaat' : 'gaan'} mee naar ${next}.`,
    opened: (who, round, document) => [
      `${who} heeft ${round} geopend voor "${document}".`,
      '',
      'Lees de tekst en plaats uw reacties bij de tekst waar ze over gaan. Reacties die tijdens dit ijkmoment',
      'openstaan, komen in het verslag als de trekker het ijkmoment afsluit.',
    ],
    openLink: 'Open het document in de editor:',
    closed: (who, round, document) => `${who} heeft ${round} van "${document}" afgesloten.`,
    versions: (round) => `De versie "Einde IJkmoment ${round}" en het verslag staan in de versiegeschiedenis:`,
    subject: (round, opened, document) => `${round} ${opened ? 'geopend' : 'afgesloten'}: ${document}`,
    reason: 'U krijgt dit bericht omdat u op dit document kunt reageren.',
  },
  en: {
    round: (round) => `Review checkpoint ${round}`,
    last: 'This was the last review checkpoint.',
    noneCarried: (next) => `No comments were open any more; ${next} starts without any.`,
    carried: (count, next) =>
      `${counted(count, 'open comment', 'open comments')} ${count === 1 ? 'goes' : 'go'} on into ${next}.`,
    opened: (who, round, document) => [
      `${who} opened ${round} for "${document}".`,
      '',
      'Read the text and place your comments at the text they are about. Comments that are open during this',
      'checkpoint go into its report when the trekker closes it.',
    ],
    openLink: 'Open the document in the editor:',
    closed: (who, round, document) => `${who} closed ${round} of "${document}".`,
    versions: (round) => `The version "End of review checkpoint ${round}" and the report are in the version history:`,
    subject: (round, opened, document) => `${round} ${opened ? 'opened' : 'closed'}: ${document}`,
    reason: 'You receive this message because you can comment on this document.',
  },
}

function carriedLine(event: RoundChangeEvent, text: RoundMailText): string {
  if (event.round === 3) return text.last
  const next = text.round((event.round + 1) as Round)
  return event.carried === 0 ? text.noneCarried(next) : text.carried(event.carried, next)
}

export function reviewRoundMail(
  event: RoundChangeEvent,
  recipientId: string,
  publicUrl: URL,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const document = oneLine(event.documentTitle)
  const round = text.round(event.round)
  const who = oneLine(event.by.name)
  const lines =
    event.kind === 'opened'
      ? [...text.opened(who, round, document), '', text.openLink, editorLink(publicUrl, documentPath(event.documentId))]
      : [
          text.closed(who, round, document),
          carriedLine(event, text),
          '',
          text.versions(event.round),
          editorLink(publicUrl, versionsPath(event.documentId)),
        ]
  return {
    recipientId,
    kind: 'review-round',
    documentId: event.documentId,
    subject: text.subject(round, event.kind === 'opened', document),
    body: [...lines, '', ...closing(text.reason, language)].join('\n'),
  }
}
