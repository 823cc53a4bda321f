// The comments API: threads (with an optional text suggestion), replies, edits, deletes, resolve and
// reopen, a suggestion taken over (POST …/comments/<thread>/suggestion/applied), a thread handed over to its
// text brought back with Ctrl+Z (POST …/comments/<thread>/anchor), and the members that can be mentioned.
// Author and organisation always come from the session (commentAuthor); the request body has no field for
// them, and unknown fields are refused.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Member } from '@novex/shared'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import { AppliedSuggestionBody, MessageBody, NewThreadBody, RestoredAnchorBody } from '../comments/commentInput.ts'
import { commentRights } from '../comments/commentRights.ts'
import type { CommentContext, CommentService } from '../comments/commentService.ts'
import type { UserRateLimiter } from '../limits/userRateLimiter.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { documentScope } from '../policy/access.ts'
import { type Authorize, documentWithAccess } from './documentsApi.ts'
import { readJsonBody } from './readJsonBody.ts'
import { sendJson, tooManyRequests } from './respond.ts'

export interface CommentsApiDeps {
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  readonly authorize: Authorize
  readonly comments: CommentService
  /** New threads, replies and edits per user (each may mention people, and so send e-mail). */
  readonly commentWrites: UserRateLimiter
}

/** Counts a comment write of the user; over the limit it is refused before its body is read. */
async function takeCommentWrite(deps: CommentsApiDeps, user: User, res: ServerResponse): Promise<void> {
  const wait = await deps.commentWrites.take(user.id)
  if (wait > 0)
    throw tooManyRequests(res, wait, 'too_many_comments', 'U heeft in korte tijd heel veel reacties geschreven.')
}

/** The answer of GET /api/documents/<id>/members: the scope's members whose accounts are not disabled. */
export function members(accounts: AccountStore, record: DocumentRecord): Member[] {
  const scope = documentScope(record)
  if (!scope) return []
  return accounts
    .members(scope.scope, scope.scopeId)
    .filter(({ user }) => !user.disabled)
    .map(({ user }) => ({
      userId: user.id,
      name: user.name,
      organisationName: user.organisation.name,
      organisationKind: user.organisation.kind,
    }))
}

export function commentContext(deps: CommentsApiDeps, user: User, documentId: string): CommentContext {
  const { record, access } = documentWithAccess(deps.catalog, deps.authorize, user, documentId)
  return {
    documentId: record.id,
    user,
    rights: commentRights(deps.accounts, user, record, access),
    members: new Set(members(deps.accounts, record).map((m) => m.userId)),
  }
}

/** Routes /api/documents/<id>/comments… and /members; returns false when the path is not one of them. */
export async function routeComments(
  deps: CommentsApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
  method: string,
): Promise<boolean> {
  const [first, threadId, second, messageId] = rest
  if (first === 'members' && rest.length === 1 && method === 'GET') {
    const { record } = documentWithAccess(deps.catalog, deps.authorize, user, documentId)
    sendJson(res, 200, members(deps.accounts, record))
    return true
  }
  if (first !== 'comments') return false
  const context = commentContext(deps, user, documentId)
  if (rest.length === 1 && method === 'POST') {
    await takeCommentWrite(deps, user, res)
    const body = await readJsonBody(req, NewThreadBody)
    sendJson(res, 201, await deps.comments.createThread(context, { ...body, mentions: body.mentions ?? [] }))
    return true
  }
  if (threadId === undefined) return false
  if (rest.length === 3 && second === 'messages' && method === 'POST') {
    await takeCommentWrite(deps, user, res)
    const body = await readJsonBody(req, MessageBody)
    sendJson(res, 201, await deps.comments.reply(context, threadId, body.body, body.mentions ?? []))
    return true
  }
  if (rest.length === 4 && second === 'messages' && messageId !== undefined) {
    if (method === 'PATCH') {
      await takeCommentWrite(deps, user, res)
      const body = await readJsonBody(req, MessageBody)
      sendJson(res, 200, await deps.comments.edit(context, threadId, messageId, body.body, body.mentions ?? []))
      return true
    }
    if (method === 'DELETE') {
      sendJson(res, 200, await deps.comments.remove(context, threadId, messageId))
      return true
    }
  }
  if (rest.length === 4 && second === 'suggestion' && messageId === 'applied' && method === 'POST') {
    const body = await readJsonBody(req, AppliedSuggestionBody)
    sendJson(res, 200, await deps.comments.markSuggestionApplied(context, threadId, body.anchor))
    return true
  }
  if (rest.length === 3 && second === 'anchor' && method === 'POST') {
    const body = await readJsonBody(req, RestoredAnchorBody)
    sendJson(res, 200, await deps.comments.restoreAnchor(context, threadId, body.anchor))
    return true
  }
  if (rest.length === 3 && (second === 'resolve' || second === 'reopen') && method === 'POST') {
    const status = second === 'resolve' ? 'resolved' : 'open'
    sendJson(res, 200, await deps.comments.setStatus(context, threadId, status))
    return true
  }
  return false
}
