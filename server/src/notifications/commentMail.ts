// The e-mail a comment gives rise to, in plain Dutch: who is mentioned in it, and (for a reply) who
// wrote in the thread before. Never to the writer. Composed when the comment is stored; whether each
// recipient still wants it and may still read the document is asked again when it is sent.
import type { CommentEvent } from '../comments/commentService.ts'
import type { OutgoingMail } from './mailOutbox.ts'

/** Where the thread opens in the editor (the client focuses its card). */
export function threadLink(publicUrl: URL, documentId: string, threadId: string): string {
  const base = publicUrl.href.endsWith('/') ? publicUrl.href : `${publicUrl.href}/`
  const url = new URL(`document/${encodeURIComponent(documentId)}`, base)
  url.searchParams.set('reactie', threadId)
  return url.href
}

/** The people a message is for, each once: the newly mentioned, then (a reply) the thread's earlier writers. */
export function recipientsOf(event: CommentEvent): { readonly userId: string; readonly kind: OutgoingMail['kind'] }[] {
  const writer = event.message.author.userId
  const out = new Map<string, OutgoingMail['kind']>()
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

/** One line, without control characters: user text in a header. */
const oneLine = (text: string): string => text.replace(/[\p{Cc}\s]+/gu, ' ').trim()
/** Quoted as mail quotes it, line by line. */
const quoted = (text: string): string =>
  text
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n')

export function commentMail(
  event: CommentEvent,
  kind: OutgoingMail['kind'],
  recipientId: string,
  documentTitle: string,
  link: string,
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
      ? `${who} noemt u in een reactie ${where}:`
      : `${who} heeft gereageerd op een reactie ${where} waarin u ook schreef:`
  const reason =
    kind === 'mention'
      ? 'U krijgt dit bericht omdat u in de reactie wordt genoemd.'
      : 'U krijgt dit bericht omdat u in deze reactie hebt geschreven.'
  const body = [
    opening,
    '',
    quoted(event.message.body),
    '',
    `Het gaat over de tekst: "${oneLine(event.thread.quote)}"`,
    '',
    'Bekijk en beantwoord de reactie in de editor:',
    link,
    '',
    '-- ',
    reason,
    'Geen e-mail meer over reacties? Zet "E-mail bij reacties" uit in de editor, rechtsboven bij uw naam.',
  ].join('\n')
  return { recipientId, kind, documentId: event.documentId, subject, body }
}
