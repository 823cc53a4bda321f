// Who may do what with comments on a document, decided from the session's user and their membership.
import type { Access, CommentThread } from '@novex/shared'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import { ApiError } from '../api/respond.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { documentScope } from '../policy/access.ts'

export interface CommentRights {
  readonly canComment: boolean
  /** Authors: they may take a text suggestion over into the section. */
  readonly canEdit: boolean
  /** Trekkers of the area (or province) open and close rounds and may resolve any thread. */
  readonly isTrekker: boolean
}

export function commentRights(accounts: AccountStore, user: User, doc: DocumentRecord, access: Access): CommentRights {
  const scope = documentScope(doc)
  const membership = scope ? accounts.membership(user.id, scope.scope, scope.scopeId) : null
  return {
    canComment: access === 'edit' || access === 'comment',
    canEdit: access === 'edit',
    isTrekker: membership?.trekker === true,
  }
}

export function requireCommenter(rights: CommentRights): void {
  if (!rights.canComment)
    throw new ApiError(403, 'cannot_comment', 'U kunt dit document lezen, maar geen reacties plaatsen.')
}

/** The opener's organisation or a trekker: who may resolve or reopen a thread. */
export function mayResolve(rights: CommentRights, user: User, thread: CommentThread): boolean {
  return rights.canComment && (rights.isTrekker || thread.openedBy.organisationId === user.organisation.id)
}

export function requireResolver(rights: CommentRights, user: User, thread: CommentThread): void {
  requireCommenter(rights)
  if (mayResolve(rights, user, thread)) return
  throw new ApiError(
    403,
    'cannot_resolve',
    'Alleen de organisatie die deze reactie opende, of een trekker van het gebied, kan haar afhandelen.',
  )
}

/** `what` the trekkers alone may do, for the refusal ("een ijkmoment openen of afsluiten"). */
export function requireTrekker(rights: CommentRights, what = 'een ijkmoment openen of afsluiten'): void {
  if (!rights.isTrekker) throw new ApiError(403, 'not_trekker', `Alleen de trekkers van het gebied kunnen ${what}.`)
}
