// The e-mail a comment gives rise to, in plain Dutch: who is mentioned in it, and (for a reply) who
// wrote in the thread before. Never to the writer. Composed when the comment is stored; whether each
// recipient still wants it and may still read the document is asked again when it is sent. With
// `quotes` off it names who wrote where, without the comment or the text it is about. In the
// recipient's language. The comments about one document that reach one person within the gathering time
// go as one mail (`commentsMail`), so a review session is not a mail per reaction.
import { documentPath, type Language, THREAD_LINK_PARAM } from '@novex/shared'
import type { CommentEvent } from '../comments/commentService.ts'
import type { MailKind, OutgoingMail } from './mailOutbox.ts'
import { closing, editorLink, oneLine, personName, quoted } from './mailText.ts'

/** Where the thread opens in the editor (the client focuses its card). */
export const threadLink = (publicUrl: URL, documentId: string, threadId: string): string =>
  editorLink(publicUrl, documentPath(documentId), { [THREAD_LINK_PARAM]: threadId })

type CommentMailKind = 'mention' | 'reply'

/** The mail about comments: about one document they go as one mail, and they may wait for the daily mail. */
export const COMMENT_KINDS: ReadonlySet<MailKind> = new Set<MailKind>(['mention', 'reply'] satisfies CommentMailKind[])

/** What one comment mail says (kept with the queued mail, to write a bundle from). */
export interface CommentMailPayload {
  readonly kind: CommentMailKind
  readonly documentId: string
  readonly documentTitle: string
  readonly sectionTitle: string
  readonly threadId: string
  /** Who wrote: "Name (Organisation)". */
  readonly who: string
  /** What they wrote and the text it is about; both null when mail may not quote. */
  readonly body: string | null
  readonly quote: string | null
}

/** The bundle of one document's comment mails to one person. */
const bundleKey = (documentId: string): string => `comments:${documentId}`

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

interface CommentMailText {
  readonly where: (section: string, document: string) => string
  /** Where, in a mail about one document. */
  readonly at: (section: string) => string
  readonly subject: (kind: CommentMailKind, author: string, document: string) => string
  readonly opening: (kind: CommentMailKind, who: string, where: string) => string
  readonly about: (quote: string) => string
  readonly open: (quotes: boolean) => string
  readonly reason: (kind: CommentMailKind) => string
  readonly manySubject: (count: number, document: string) => string
  readonly many: (count: number, document: string) => string
  readonly answer: string
  readonly manyReason: (kinds: ReadonlySet<CommentMailKind>) => string
  /** That reactions can come once a day instead (or at once again). */
  readonly when: string
}

const TEXT: Readonly<Record<Language, CommentMailText>> = {
  nl: {
    where: (section, document) => (section === '' ? `in "${document}"` : `bij "${section}" in "${document}"`),
    at: (section) => (section === '' ? 'in het document' : `bij "${section}"`),
    subject: (kind, author, document) =>
      kind === 'mention'
        ? `${author} noemt u in een reactie — ${document}`
        : `Nieuwe reactie van ${author} — ${document}`,
    opening: (kind, who, where) =>
      kind === 'mention'
        ? `${who} noemt u in een reactie ${where}`
        : `${who} heeft gereageerd op een reactie ${where} waarin u ook schreef`,
    about: (quote) => `Het gaat over de tekst: "${quote}"`,
    open: (quotes) =>
      quotes ? 'Bekijk en beantwoord de reactie in de editor:' : 'Lees en beantwoord de reactie in de editor:',
    reason: (kind) =>
      kind === 'mention'
        ? 'U krijgt dit bericht omdat u in de reactie wordt genoemd.'
        : 'U krijgt dit bericht omdat u in deze reactie hebt geschreven.',
    manySubject: (count, document) => `${count} nieuwe reacties voor u — ${document}`,
    many: (count, document) => `Er zijn ${count} nieuwe reacties voor u in "${document}".`,
    answer: 'Bekijk en beantwoord:',
    manyReason: (kinds) =>
      kinds.size > 1
        ? 'U krijgt dit bericht omdat u in deze reacties wordt genoemd of er eerder in schreef.'
        : kinds.has('mention')
          ? 'U krijgt dit bericht omdat u in deze reacties wordt genoemd.'
          : 'U krijgt dit bericht omdat u in deze reacties hebt geschreven.',
    when: 'Reacties liever één keer per dag in één mail, of juist meteen? Kies dat in de editor bij uw naam.',
  },
  en: {
    where: (section, document) => (section === '' ? `in "${document}"` : `on "${section}" in "${document}"`),
    at: (section) => (section === '' ? 'in the document' : `on "${section}"`),
    subject: (kind, author, document) =>
      kind === 'mention'
        ? `${author} mentioned you in a comment — ${document}`
        : `New reply from ${author} — ${document}`,
    opening: (kind, who, where) =>
      kind === 'mention'
        ? `${who} mentioned you in a comment ${where}`
        : `${who} replied to a comment ${where} that you also wrote in`,
    about: (quote) => `It is about the text: "${quote}"`,
    open: (quotes) =>
      quotes ? 'View and answer the comment in the editor:' : 'Read and answer the comment in the editor:',
    reason: (kind) =>
      kind === 'mention'
        ? 'You receive this message because the comment mentions you.'
        : 'You receive this message because you wrote in this comment thread.',
    manySubject: (count, document) => `${count} new comments for you — ${document}`,
    many: (count, document) => `There are ${count} new comments for you in "${document}".`,
    answer: 'View and answer:',
    manyReason: (kinds) =>
      kinds.size > 1
        ? 'You receive this message because these comments mention you or you wrote in their threads before.'
        : kinds.has('mention')
          ? 'You receive this message because these comments mention you.'
          : 'You receive this message because you wrote in these comment threads.',
    when: 'Comments once a day in one mail, or at once instead? Choose it in the editor at your name.',
  },
}

export function commentMail(
  event: CommentEvent,
  kind: CommentMailKind,
  recipientId: string,
  documentTitle: string,
  link: string,
  quotes: boolean,
  language: Language,
): OutgoingMail {
  const text = TEXT[language]
  const { author } = event.message
  const who = personName(author)
  const where = text.where(oneLine(event.sectionTitle), oneLine(documentTitle))
  const opening = text.opening(kind, who, where)
  const content = quotes
    ? [`${opening}:`, '', quoted(event.message.body), '', text.about(oneLine(event.thread.quote))]
    : [`${opening}.`]
  const body = [...content, '', text.open(quotes), link, '', ...closing(text.reason(kind), language, text.when)].join(
    '\n',
  )
  const subject = text.subject(kind, oneLine(author.name), oneLine(documentTitle))
  const payload: CommentMailPayload = {
    kind,
    documentId: event.documentId,
    documentTitle,
    sectionTitle: event.sectionTitle,
    threadId: event.thread.id,
    who,
    body: quotes ? event.message.body : null,
    quote: quotes ? event.thread.quote : null,
  }
  const bundle = { key: bundleKey(event.documentId), payload: JSON.stringify(payload) }
  return { recipientId, kind, documentId: event.documentId, subject, body, bundle }
}

/** Several comments on one document to one person as one mail, oldest first, each with its own link. */
export function commentsMail(
  payloads: readonly CommentMailPayload[],
  publicUrl: URL,
  language: Language,
): { subject: string; body: string } {
  const text = TEXT[language]
  const first = payloads[0]
  if (first === undefined) throw new Error('no comments to tell')
  const document = oneLine(first.documentTitle)
  const items = payloads.flatMap((p, index) => {
    const opening = `${index + 1}. ${text.opening(p.kind, p.who, text.at(oneLine(p.sectionTitle)))}`
    const content =
      p.body === null ? [`${opening}.`] : [`${opening}:`, '', quoted(p.body), '', text.about(oneLine(p.quote ?? ''))]
    return [...content, `${text.answer} ${threadLink(publicUrl, p.documentId, p.threadId)}`, '']
  })
  const body = [
    text.many(payloads.length, document),
    '',
    ...items,
    ...closing(text.manyReason(new Set(payloads.map((p) => p.kind))), language, text.when),
  ].join('\n')
  return { subject: text.manySubject(payloads.length, document), body }
}
