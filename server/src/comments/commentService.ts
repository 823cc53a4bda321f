// Comment threads on live documents. Every change is validated against the session and written by the
// server into the document's server-owned `comments` map, through the room's commit path: persisted,
// then broadcast to every client.
import { randomUUID } from 'node:crypto'
import {
  type CommentMessage,
  type CommentThread,
  commentsMap,
  getSection,
  isSectionId,
  readReview,
} from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'
import { ApiError } from '../api/respond.ts'
import { commitServerChange } from '../rooms/requireCommitted.ts'
import type { Room } from '../rooms/room.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import { checkAnchor } from './anchors.ts'
import { authorOf } from './commentAuthor.ts'
import { cleanBody, cleanQuote } from './commentInput.ts'
import { type CommentRights, requireCommenter, requireResolver } from './commentRights.ts'

export interface NewThread {
  readonly sectionId: string
  readonly anchor: { readonly start: string; readonly end: string }
  readonly quote: string
  readonly body: string
  readonly mentions: readonly string[]
}

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

export function createCommentService(withRoom: WithRoom) {
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
        checkAnchor(room.doc, section, input.anchor)
        const author = authorOf(context.user)
        const message = newMessage(context, input.body, input.mentions)
        return save(room, {
          id: randomUUID(),
          sectionId: section.id,
          anchor: { start: input.anchor.start, end: input.anchor.end },
          quote: cleanQuote(input.quote),
          round: readReview(room.doc).active,
          carriedInto: [],
          status: 'open',
          openedBy: author,
          openedAt: message.at,
          resolvedBy: null,
          resolvedAt: null,
          messages: [message],
        })
      }),

    reply: (context: CommentContext, threadId: string, body: string, mentions: readonly string[]) =>
      onThread(context, threadId, (room, thread) => {
        requireCommenter(context.rights)
        const message = newMessage(context, body, mentions)
        save(room, { ...thread, messages: [...thread.messages, message] })
        return message
      }),

    edit: (context: CommentContext, threadId: string, messageId: string, body: string, mentions: readonly string[]) =>
      onThread(context, threadId, (room, thread) => {
        requireCommenter(context.rights)
        const message: CommentMessage = {
          ...ownMessage(context, thread, messageId),
          body: cleanBody(body),
          mentions: mentionsOf(context, mentions),
          editedAt: Date.now(),
        }
        save(room, replaceMessage(thread, message))
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
