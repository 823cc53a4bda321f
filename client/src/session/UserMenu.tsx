// Who is logged in, "Meldingen per e-mail" (where the server sends e-mail), and "Uitloggen".
import { ORGANISATION_KIND_COLOR } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { logOut } from '../api/session.ts'
import { forgetSessionUser } from './cachedSession.ts'
import { MailSetting } from './MailSetting.tsx'
import { useSessionUser } from './SessionContext.ts'

export function UserMenu() {
  const { t } = useTranslation('session')
  const user = useSessionUser()
  const [busy, setBusy] = useState(false)
  if (!user) return null
  const handleLogout = async (): Promise<void> => {
    setBusy(true)
    forgetSessionUser(window.localStorage)
    let next = '/inloggen'
    try {
      // A session from the identity provider ends there too; the provider sends the browser back here.
      next = (await logOut()) ?? next
    } finally {
      // A full page load drops every open document and its socket.
      window.location.assign(next)
    }
  }
  return (
    <div className="user-menu">
      <span
        className="presence-dot"
        style={{ backgroundColor: ORGANISATION_KIND_COLOR[user.organisation.kind] }}
        aria-hidden="true"
      />
      <p className="user-menu__who">
        <span className="visually-hidden">{t('userMenu.loggedInAs')} </span>
        <span data-testid="current-user" translate="no">
          {user.name}
          <span className="user-menu__org">{user.organisation.name}</span>
        </span>
      </p>
      <MailSetting />
      <Button
        type="button"
        appearance="secondary-action-button"
        className="user-menu__logout"
        data-testid="logout"
        disabled={busy}
        onClick={() => void handleLogout()}
      >
        {t('userMenu.logout')}
      </Button>
    </div>
  )
}
