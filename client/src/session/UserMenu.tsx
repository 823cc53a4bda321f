// Who is logged in, "Meldingen per e-mail" (where the server sends e-mail), and "Uitloggen": with the
// open document's last changes not stored yet, it first waits for them (LogoutWaitDialog).
import { ORGANISATION_KIND_COLOR } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { logOut } from '../api/session.ts'
import { useFocusRequest } from '../ui/useFocusRequest.ts'
import { announceLeaving } from '../ui/useLeaveGuard.ts'
import { forgetSessionUser } from './cachedSession.ts'
import { LogoutWaitDialog } from './LogoutWaitDialog.tsx'
import { MailSetting } from './MailSetting.tsx'
import { useSessionUser } from './SessionContext.ts'
import type { UnsavedWork } from './unsavedWork.ts'

export function UserMenu({ unsaved }: { readonly unsaved: UnsavedWork | null }) {
  const { t } = useTranslation('session')
  const user = useSessionUser()
  const [busy, setBusy] = useState(false)
  const [waiting, setWaiting] = useState(false)
  const [failed, setFailed] = useState<'logout' | 'refused' | null>(null)
  const logoutRef = useRef<HTMLButtonElement>(null)
  // Still logged in after all: the focus stays on "Uitloggen" (it was disabled meanwhile, or in a dialog).
  const focusLogout = useFocusRequest(logoutRef)
  if (!user) return null
  const handleLogout = async (): Promise<void> => {
    setBusy(true)
    setFailed(null)
    let next: string
    try {
      // A session from the identity provider ends there too; the provider sends the browser back here.
      next = (await logOut()) ?? '/inloggen'
    } catch {
      // Not ended (no connection, or the server failed): still logged in, and the page says so.
      setBusy(false)
      setFailed('logout')
      focusLogout()
      return
    }
    forgetSessionUser(window.localStorage)
    // The session has ended: no "Leave site?" for a comment being written (its draft is kept).
    announceLeaving(window)
    // A full page load drops every open document and its socket.
    window.location.assign(next)
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
        ref={logoutRef}
        className="user-menu__logout"
        data-testid="logout"
        disabled={busy}
        onClick={() => {
          setFailed(null)
          if (unsaved !== null && !unsaved.isSaved()) setWaiting(true)
          else void handleLogout()
        }}
      >
        {t('userMenu.logout')}
      </Button>
      {failed !== null && (
        <p role="alert" className="user-menu__logout-error" data-testid="logout-failed" data-reason={failed}>
          {failed === 'logout' ? t('userMenu.logoutFailed') : t('userMenu.logoutRefused')}
        </p>
      )}
      {waiting && unsaved !== null && (
        <LogoutWaitDialog
          work={unsaved}
          onLogout={() => {
            setWaiting(false)
            void handleLogout()
          }}
          onRefused={() => {
            setWaiting(false)
            setFailed('refused')
            focusLogout()
          }}
          onCancel={() => setWaiting(false)}
        />
      )}
    </div>
  )
}
