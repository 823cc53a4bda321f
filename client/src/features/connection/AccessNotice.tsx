// Says why the document cannot be edited: this connection may only comment or read, or the server
// cannot store anything right now (then what the user already typed is kept and saved later); or why
// nothing is saved although the network is fine: the server cannot open the document (then what the
// user types stays in this browser, and the page keeps trying). The
// notice sits in a live region that is always in the page (WCAG 4.1.3), so a change — the storage
// failing while someone types — is read out without moving the focus from the text.
import type { Access } from '@novex/shared'
import { useTranslation } from 'react-i18next'

export interface AccessNoticeProps {
  readonly access: Access | null
  readonly storageFault: boolean
  /** The server cannot load the document (CollabState.unavailable). */
  readonly unavailable: boolean
}

export function AccessNotice(props: AccessNoticeProps) {
  return (
    <div role="status" aria-live="polite" data-testid="access-status">
      <AccessText {...props} />
    </div>
  )
}

function AccessText({ access, storageFault, unavailable }: AccessNoticeProps) {
  const { t } = useTranslation('connection')
  if (unavailable)
    return (
      <p className="notice notice--error" data-testid="access-notice" data-cause="unavailable">
        {t('access.unavailable')}
      </p>
    )
  if (storageFault)
    return (
      <p className="notice notice--error" data-testid="access-notice" data-cause="storage">
        {t('access.storage')}
      </p>
    )
  if (access === null || access === 'edit') return null
  return (
    <p className="notice notice--info" data-testid="access-notice">
      {access === 'comment' ? t('access.comment') : t('access.read')}
    </p>
  )
}
