// The text for a failed API call: the catalogue's, when the client knows the server's error code
// (`common:apiError.<code>`); else the server's own message, which is Dutch whatever the interface
// language, so it is marked as such (lang="nl") and kept out of translation tools (translate="no").
import { Paragraph } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

export interface ApiFailure {
  readonly status: number
  readonly message: string
  readonly code: string | null
}

export function useApiErrorText(): (failure: ApiFailure) => ReactNode {
  const { t, i18n } = useTranslation('common')
  return ({ status, message, code }) => {
    const key = code === null ? null : `apiError.${code}`
    if (key !== null && i18n.exists(key, { ns: 'common' })) return <Paragraph>{t(key)}</Paragraph>
    if (message === '') return <Paragraph>{t('loadFailure.status', { status })}</Paragraph>
    return (
      <Paragraph lang="nl" translate="no">
        {message}
      </Paragraph>
    )
  }
}
