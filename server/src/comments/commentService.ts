// Comment threads on live documents. Every change is validated against the session and written by the
// server into the document's server-owned `comments` map, through the room's commit path: persisted,
// then broadcast to every client.
import { randomUUID } from 'node:crypto'
import {
  COMMENT_LIMITS,
  type CommentMessage,
  type CommentThread,
  commentsMap,
  getSection,
  isSectionId,
  type NewThread,
  readReview,
  readsAsQuote,
} from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import { ApiError } from '../api/respond.ts'
import { commitServerChange } from '../rooms/requireCommitted.ts'
import type { Room } from '../rooms/room.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import { requireNotFrozen } from '../status/requireNotFrozen.ts'
import { anchorLost, checkAnchor, paragraphText, rangeText } from './anchors.ts'
import { authorOf } from './commentAuthor.ts'
import { cleanBody, cleanQuote, cleanSuggestion } from './commentInput.ts'
import { type CommentRights, mayResolve, requireCommenter, requireResolver } from './commentRights.ts'

export interface CommentContext {
  readonly documentId: string
  readonly user: User
  readonly rights: CommentRights
  /** User ids that may be mentioned (members of the document's area or province). */
  readonly members: ReadonlySet<string>
}

const threadNotFound = (): ApiError => new ApiError(404, 'thread_not_found', 'Deze reactie bestaat niet (meer).')

function threadIn(room: Room, threadId: string): CommentThread {
  const thread = commentsMap(room.doc).get(threadId)
  if (!thread) throw threadNotFound()
  return thread
}

function save(room: Room, thread: CommentThread): CommentThread {
  commitServerChange(room, (doc) => commentsMap(doc).set(thread.id, thread))
  return thread
}

function mentionsOf(context: CommentContext, mentions: readonly string[]): string[] {
  return [...new Set(mentions)].filter((id) => context.members.has(id))
}

function newMessage(context: CommentContext, body: string, mentions: readonly string[]): CommentMessage {
  return {
    id: randomUUID(),
    author: authorOf(context.user),
    body: cleanBody(body),
    mentions: mentionsOf(context, mentions),
    at: Date.now(),
    editedAt: null,
    deleted: false,
  }
}

/** Sections signed off by both parties, per document: no suggestion is taken over into them. */
export type SectionLocks = (documentId: string) => ReadonlySet<string>

/** A message written and stored (a new thread, a reply, an edit): for e-mail about it (notifications/). */
export interface CommentEvent {
  readonly kind: 'opened' | 'replied' | 'edited'
  readonly documentId: string
  /** The section's title as it is now; '' when it has none. */
  readonly sectionTitle: string
  readonly thread: CommentThread
  readonly message: CommentMessage
  /** Members this message mentions for the first time (an edit: only the mentions it added). */
  readonly mentioned: readonly string[]
}

export type OnCommentMessage = (event: CommentEvent) => void

export interface CommentServiceOptions {
  readonly sectionLocks?: SectionLocks
  /** Called after the message is stored; must not throw (the comment is stored and answered either way). */
  readonly onMessage?: OnCommentMessage
}

/** The quote a suggestion replaces: the server's own text of the range, which must be plain paragraph text. */
function suggestionQuote(range: ReturnType<typeof checkAnchor>, suggestion: string): string {
  const current = paragraphText(range.start, range.end)
  if (current === null || current.trim() === '' || current.length > COMMENT_LIMITS.quoteChars)
    throw new ApiError(
      400,
      'suggestion_range',
      'Een tekstvoorstel kan alleen over tekst binnen één alinea gaan (zonder afbeelding of verwijzing). Selecteer minder tekst.',
    )
  if (current === suggestion)
    throw new ApiError(
      400,
      'suggestion_unchanged',
      'Het voorstel is gelijk aan de huidige tekst. Pas het voorstel aan.',
    )
  return current
}

export function createCommentService(withRoom: WithRoom, options: CommentServiceOptions = {}) {
  const sectionLocks = options.sectionLocks ?? (() => new Set<string>())
  const announce = (
    room: Room,
    kind: CommentEvent['kind'],
    thread: CommentThread,
    message: CommentMessage,
    mentioned: readonly string[],
  ): void => {
    if (options.onMessage === undefined) return
    const section = isSectionId(thread.sectionId) ? getSection(room.doc, thread.sectionId) : null
    options.onMessage({
      kind,
      documentId: room.id,
      sectionTitle: section?.title.toString() ?? '',
      thread,
      message,
      mentioned,
    })
  }
  const onThread = <T>(context: CommentContext, threadId: string, work: (room: Room, thread: CommentThread) => T) =>
    withRoom(context.documentId, (room) => work(room, threadIn(room, threadId)))

  const ownMessage = (context: CommentContext, thread: CommentThread, messageId: string): CommentMessage => {
    const message = thread.messages.find((m) => m.id === messageId)
    if (!message || message.deleted) throw new ApiError(404, 'message_not_found', 'Dit bericht bestaat niet (meer).')
    if (message.author.userId !== context.user.id)
      throw new ApiError(403, 'not_author', 'U kunt alleen uw eigen berichten wijzigen of verwijderen.')
    return message
  }

  const replaceMessage = (thread: CommentThread, message: CommentMessage): CommentThread => ({
    ...thread,
    messages: thread.messages.map((m) => (m.id === message.id ? message : m)),
  })

  return {
    createThread: (context: CommentContext, input: NewThread): Promise<CommentThread> =>
      withRoom(context.documentId, (room) => {
        requireCommenter(context.rights)
        const section = isSectionId(input.sectionId) ? getSection(room.doc, input.sectionId) : null
        if (!section) throw new ApiError(404, 'section_not_found', 'Dit onderdeel bestaat niet (meer).')
        const range = checkAnchor(room.doc, section, input.anchor)
        const suggestion = input.suggestion === undefined ? null : cleanSuggestion(input.suggestion)
        const quote = suggestion === null ? cleanQuote(input.quote) : suggestionQuote(range, suggestion)
        const author = authorOf(context.user)
        const message = newMessage(context, input.body, input.mentions)
        const thread = save(room, {
          id: randomUUID(),
          sectionId: section.id,
          anchor: { start: input.anchor.start, end: input.anchor.end },
          quote,
          suggestion: suggestion === null ? null : { text: suggestion, appliedBy: null, appliedAt: null },
          round: readReview(room.doc).active,
          carriedInto: [],
          status: 'open',
          openedBy: author,
          openedAt: message.at,
          resolvedBy: null,
          resolvedAt: null,
          messages: [message],
        })
        announce(room, 'opened', thread, message, message.mentions)
        return thread
      }),

    reply: (context: CommentContext, threadId: string, body: string, mentions: readonly string[]) =>
      onThread(context, threadId, (room, thread) => {
        requireCommenter(context.rights)
        const message = newMessage(context, body, mentions)
        const saved = save(room, { ...thread, messages: [...thread.messages, message] })
        announce(room, 'replied', saved, message, message.mentions)
        return message
      }),

    edit: (context: CommentContext, threadId: string, messageId: string, body: string, mentions: readonly string[]) =>
      onThread(context, threadId, (room, thread) => {
        requireCommenter(context.rights)
        const before = ownMessage(context, thread, messageId)
        const message: CommentMessage = {
          ...before,
          body: cleanBody(body),
          mentions: mentionsOf(context, mentions),
          editedAt: Date.now(),
        }
        const saved = save(room, replaceMessage(thread, message))
        const added = message.mentions.filter((id) => !before.mentions.includes(id))
        if (added.length > 0) announce(room, 'edited', saved, message, added)
        return message
      }),

    remove: (context: CommentContext, threadId: string, messageId: string) =>
      onThread(context, threadId, (room, thread) => {
        requireCommenter(context.rights)
        const message: CommentMessage = {
          ...ownMessage(context, thread, messageId),
          body: '',
          mentions: [],
          deleted: true,
          editedAt: Date.now(),
        }
        save(room, replaceMessage(thread, message))
        return message
      }),

    /**
     * "Voorstel overnemen": an author took the suggested wording over into the section (their own edit,
     * which went through the update gate). Recorded with where the text now is; the thread is resolved
     * too when this person may resolve it (the opener's organisation or a trekker), else it stays open
     * for the opener to close.
     */
    markSuggestionApplied: (
      context: CommentContext,
      threadId: string,
      anchor: { readonly start: string; readonly end: string } | undefined,
    ) =>
      onThread(context, threadId, (room, thread) => {
        if (!context.rights.canEdit)
          throw new ApiError(403, 'cannot_edit', 'Alleen auteurs kunnen een tekstvoorstel overnemen.')
        const suggestion = thread.suggestion ?? null
        if (suggestion === null) throw new ApiError(404, 'no_suggestion', 'Bij deze reactie hoort geen tekstvoorstel.')
        if (suggestion.appliedBy !== null)
          throw new ApiError(409, 'suggestion_applied', 'Dit tekstvoorstel is al overgenomen.')
        if (thread.status !== 'open')
          throw new ApiError(409, 'thread_resolved', 'Deze reactie is al afgehandeld. Heropen haar eerst.')
        requireNotFrozen(room.doc)
        if (sectionLocks(context.documentId).has(thread.sectionId))
          throw new ApiError(
            409,
            'section_locked',
            'Dit onderdeel is door het Rijk en de provincie ondertekend en kan niet meer worden gewijzigd.',
          )
        const section = isSectionId(thread.sectionId) ? getSection(room.doc, thread.sectionId) : null
        if (section !== null && anchor !== undefined) checkAnchor(room.doc, section, anchor)
        const author = authorOf(context.user)
        const now = Date.now()
        const resolves = mayResolve(context.rights, context.user, thread)
        return save(room, {
          ...thread,
          anchor: anchor === undefined ? thread.anchor : { start: anchor.start, end: anchor.end },
          suggestion: { ...suggestion, appliedBy: author, appliedAt: now },
          ...(resolves ? { status: 'resolved' as const, resolvedBy: author, resolvedAt: now } : {}),
        })
      }),

    /**
     * Commented text deleted and brought back with Ctrl+Z is new text to Yjs, so the thread reads as
     * deleted; the author's page, which alone knows where the text came back, hands the thread over to it.
     * Only while the thread's own text is gone, and only to a range in its section that reads as its quote.
     */
    restoreAnchor: (
      context: CommentContext,
      threadId: string,
      anchor: { readonly start: string; readonly end: string },
    ) =>
      onThread(context, threadId, (room, thread) => {
        if (!context.rights.canEdit)
          throw new ApiError(403, 'cannot_edit', 'Alleen auteurs kunnen een reactie bij herstelde tekst terugzetten.')
        const section = isSectionId(thread.sectionId) ? getSection(room.doc, thread.sectionId) : null
        if (!section) throw new ApiError(404, 'section_not_found', 'Dit onderdeel bestaat niet (meer).')
        if (!anchorLost(room.doc, section, thread.anchor))
          throw new ApiError(409, 'anchor_in_place', 'Deze reactie staat nog bij haar tekst.')
        const range = checkAnchor(room.doc, section, anchor)
        if (!readsAsQuote(rangeText(section.content, range.start, range.end) ?? '', thread.quote))
          throw new ApiError(
            409,
            'anchor_text_differs',
            'Op deze plek staat niet de tekst waar de reactie over gaat. De reactie blijft bij de verwijderde tekst.',
          )
        return save(room, { ...thread, anchor: { start: anchor.start, end: anchor.end } })
      }),

    setStatus: (context: CommentContext, threadId: string, status: 'open' | 'resolved') =>
      onThread(context, threadId, (room, thread) => {
        requireResolver(context.rights, context.user, thread)
        if (thread.status === status)
          throw new ApiError(
            409,
            'status_unchanged',
            status === 'resolved' ? 'Deze reactie is al afgehandeld.' : 'Deze reactie staat al open.',
          )
        return save(room, {
          ...thread,
          status,
          resolvedBy: status === 'resolved' ? authorOf(context.user) : null,
          resolvedAt: status === 'resolved' ? Date.now() : null,
        })
      }),
  }
}

export type CommentService = ReturnType<typeof createCommentService>
