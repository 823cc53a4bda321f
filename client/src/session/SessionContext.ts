// The logged-in user, for every page behind the login.
import { createContext, useContext } from 'react'
import type { ClientSessionUser } from '../api/session.ts'

export const SessionContext = createContext<ClientSessionUser | null>(null)

/** The logged-in user, or null outside the pages that need a login (the login page itself). */
export function useSessionUser(): ClientSessionUser | null {
  return useContext(SessionContext)
}
