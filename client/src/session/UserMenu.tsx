// Who is logged in, and "Uitloggen".
import { ORGANISATION_KIND_COLOR } from '@novex/shared'
import { useState } from 'react'
import { logOut } from '../api/session.ts'
import { forgetSessionUser } from './cachedSession.ts'
import { useSessionUser } from './SessionContext.ts'

export function UserMenu() {
  const user = useSessionUser()
  const [busy, setBusy] = useState(false)
  if (!user) return null
  const handleLogout = async (): Promise<void> => {
    setBusy(true)
    forgetSessionUser(window.localStorage)
    try {
      await logOut()
    } finally {
      // A full page load drops every open document and its socket.
      window.location.assign('/inloggen')
    }
  }
  return (
    <div className="user-menu">
      <span
        className="presence-dot"
        style={{ backgroundColor: ORGANISATION_KIND_COLOR[user.organisation.kind] }}
        aria-hidden="true"
      />
      <span className="user-menu__who" data-testid="current-user">
        {user.name}
        <span className="user-menu__org">{user.organisation.name}</span>
      </span>
      <button
        type="button"
        className="button button--secondary button--small"
        data-testid="logout"
        disabled={busy}
        onClick={() => void handleLogout()}
      >
        Uitloggen
      </button>
    </div>
  )
}
