// Says why the document cannot be edited: this connection may only comment or read, or the server
// cannot store anything right now (then what the user already typed is kept and saved later).
import type { Access } from '@novex/shared'
import { useTranslation } from 'react-i18next'

export interface AccessNoticeProps {
  readonly access: Access | null
  readonly storageFault: boolean
}

export function AccessNotice({ access, storageFault }: AccessNoticeProps) {
  const { t } = useTranslation('connection')
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
