// An ijkmoment opened or closed, by e-mail to everyone who may comment on the document (auteurs,
// meelezers, trekkers), never to the trekker who did it. Opened: the round asks for their reactions,
// with a link to the document. Closed: the version and the round report are in the version history, and
// how many open threads went on into the next round.
import { roundName } from '@novex/shared'
import type { RoundChange } from '../review/reviewService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine } from './mailText.ts'

export interface RoundChangeEvent extends RoundChange {
  readonly documentTitle: string
}

function carriedLine(event: RoundChangeEvent): string {
  if (event.round === 3) return 'Dit was het laatste ijkmoment.'
  const next = roundName((event.round + 1) as 2 | 3)
  if (event.carried === 0) return `Er stonden geen open reacties meer; ${next} begint zonder.`
  return event.carried === 1
    ? `1 open reactie gaat mee naar ${next}.`
    : `${event.carried} open reacties gaan mee naar ${next}.`
}

export function reviewRoundMail(event: RoundChangeEvent, recipientId: string, publicUrl: URL): OutgoingMail {
  const document = oneLine(event.documentTitle)
  const round = roundName(event.round)
  const who = oneLine(event.by.name)
  const path = `/document/${encodeURIComponent(event.documentId)}`
  const lines =
    event.kind === 'opened'
      ? [
          `${who} heeft ${round} geopend voor "${document}".`,
          '',
          'Lees de tekst en plaats uw reacties bij de tekst waar ze over gaan. Reacties die tijdens dit ijkmoment',
          'openstaan, komen in het verslag als de trekker het ijkmoment afsluit.',
          '',
          'Open het document in de editor:',
          editorLink(publicUrl, path),
        ]
      : [
          `${who} heeft ${round} van "${document}" afgesloten.`,
          carriedLine(event),
          '',
          'De versie van dit moment en het verslag staan in de versiegeschiedenis:',
          editorLink(publicUrl, `${path}/versies`),
        ]
  return {
    recipientId,
    kind: 'review-round',
    documentId: event.documentId,
    subject: `${round} ${event.kind === 'opened' ? 'geopend' : 'afgesloten'}: ${document}`,
    body: [...lines, '', ...closing('U krijgt dit bericht omdat u op dit document kunt reageren.')].join('\n'),
  }
}
