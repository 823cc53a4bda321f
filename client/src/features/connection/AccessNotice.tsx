// Says why the document cannot be edited when this connection may only comment or read.
import type { Access } from '@novex/shared'
import { useTranslation } from 'react-i18next'

export function AccessNotice({ access }: { readonly access: Access | null }) {
  const { t } = useTranslation('connection')
  if (access === null || access === 'edit') return null
  return (
    <p className="notice notice--info" data-testid="access-notice">
      {access === 'comment' ? t('access.comment') : t('access.read')}
    </p>
  )
}
