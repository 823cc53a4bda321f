// The last logged-in user, kept in localStorage so that a page reloaded without a connection can still
// open the user's local copies (IndexedDB is per user). The server remains the judge: nothing is sent
// before a connection with a valid session cookie exists.
import { isOrganisationKind } from '@novex/shared'
import type { ClientSessionUser } from '../api/session.ts'

const KEY = 'novex:session-user'

export function rememberSessionUser(storage: Storage, user: ClientSessionUser): void {
  storage.setItem(KEY, JSON.stringify(user))
}

export function forgetSessionUser(storage: Storage): void {
  storage.removeItem(KEY)
}

export function cachedSessionUser(storage: Storage): ClientSessionUser | null {
  const raw = storage.getItem(KEY)
  if (!raw) return null
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const user = value as Partial<ClientSessionUser>
    const org = user.organisation
    if (typeof user.id !== 'string' || typeof user.name !== 'string' || typeof user.email !== 'string') return null
    if (!org || typeof org.id !== 'string' || typeof org.name !== 'string' || !isOrganisationKind(org.kind)) return null
    return user as ClientSessionUser
  } catch {
    // A damaged entry is as good as none: the user logs in again.
    return null
  }
}
