// The session API's answers: the logged-in user (POST /api/session as `{ user }`, GET /api/session with
// the idle timeout).
import type { OrganisationKind, Role, Scope } from '../roles.ts'

/** One of the user's memberships: a role in an area or a province. */
export interface SessionMembership {
  readonly scope: Scope
  readonly scopeId: string
  readonly role: Role
  /** Signs sections for the organisation's side (docs/signoff.md). */
  readonly signatory: boolean
  /** A trekker: opens and closes the ijkmomenten, and may resolve any thread. */
  readonly trekker: boolean
}

export interface SessionUser {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: OrganisationKind }
  readonly memberships: readonly SessionMembership[]
}

/** GET /api/session: who is logged in, and the idle timeout. */
export interface SessionInfo {
  readonly user: SessionUser
  /** The session ends after this long without reported activity (POST /api/session/activity); 0: never. */
  readonly idleSeconds: number
}
