// The author of a comment, always taken from the session, never from the request.
import type { CommentAuthor } from '@novex/shared'
import type { User } from '../accounts/accountStore.ts'

export function authorOf(user: User): CommentAuthor {
  return {
    userId: user.id,
    name: user.name,
    organisationId: user.organisation.id,
    organisationName: user.organisation.name,
    organisationKind: user.organisation.kind,
  }
}
