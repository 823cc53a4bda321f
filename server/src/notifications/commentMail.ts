// The e-mail a comment gives rise to, in plain Dutch: who is mentioned in it, and (for a reply) who
// wrote in the thread before. Never to the writer. Composed when the comment is stored; whether each
// recipient still wants it and may still read the document is asked again when it is sent. With
// `quotes` off it names who wrote where, without the comment or the text it is about.
import type { CommentEvent } from '../comments/commentService.ts'
import type { OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine, quoted } from './mailText.ts'

/** Where the thread opens in the editor (the client focuses its card). */
export const threadLink = (publicUrl: URL, documentId: string, threadId: string): string =>
  editorLink(publicUrl, `/document/${encodeURIComponent(documentId)}`, { reactie: threadId })

type CommentMailKind = 'mention' | 'reply'

/** The people a message is for, each once: the newly mentioned, then (a reply) the thread's earlier writers. */
export function recipientsOf(event: CommentEvent): { readonly userId: string; readonly kind: CommentMailKind }[] {
  const writer = event.message.author.userId
  const out = new Map<string, CommentMailKind>()
  for (const id of event.mentioned) if (id !== writer) out.set(id, 'mention')
  if (event.kind === 'replied') {
    const earlier = [
      event.thread.openedBy.userId,
      ...event.thread.messages.filter((m) => m.id !== event.message.id && !m.deleted).map((m) => m.author.userId),
    ]
    for (const id of earlier) if (id !== writer && !out.has(id)) out.set(id, 'reply')
  }
  return [...out].map(([userId, kind]) => ({ userId, kind }))
}

export function commentMail(
  event: CommentEvent,
  kind: CommentMailKind,
  recipientId: string,
  documentTitle: string,
  link: string,
  quotes: boolean,
): OutgoingMail {
  const { author } = event.message
  const who = `${oneLine(author.name)} (${oneLine(author.organisationName)})`
  const where =
    event.sectionTitle.trim() === ''
      ? `in "${oneLine(documentTitle)}"`
      : `bij "${oneLine(event.sectionTitle)}" in "${oneLine(documentTitle)}"`
  const subject =
    kind === 'mention'
      ? `${oneLine(author.name)} noemt u in een reactie — ${oneLine(documentTitle)}`
      : `Nieuwe reactie van ${oneLine(author.name)} — ${oneLine(documentTitle)}`
  const opening =
    kind === 'mention'
      ? `${who} noemt u in een reactie ${where}`
      : `${who} heeft gereageerd op een reactie ${where} waarin u ook schreef`
  const reason =
    kind === 'mention'
      ? 'U krijgt dit bericht omdat u in de reactie wordt genoemd.'
      : 'U krijgt dit bericht omdat u in deze reactie hebt geschreven.'
  const content = quotes
    ? [`${opening}:`, '', quoted(event.message.body), '', `Het gaat over de tekst: "${oneLine(event.thread.quote)}"`]
    : [`${opening}.`]
  const body = [
    ...content,
    '',
    quotes ? 'Bekijk en beantwoord de reactie in de editor:' : 'Lees en beantwoord de reactie in de editor:',
    link,
    '',
    ...closing(reason),
  ].join('\n')
  return { recipientId, kind, documentId: event.documentId, subject, body }
}
