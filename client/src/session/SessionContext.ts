// The logged-in user, for every page behind the login.
import { createContext, useContext } from 'react'
import type { SessionUser } from '../api/session.ts'

export const SessionContext = createContext<SessionUser | null>(null)

/** The logged-in user, or null outside the pages that need a login (the login page itself). */
export function useSessionUser(): SessionUser | null {
  return useContext(SessionContext)
}
