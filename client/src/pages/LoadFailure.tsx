// What a page shows when its data could not be loaded: log in (401), no access (403) or try again.
// Known error codes get a catalogue text; otherwise the server's own message is shown as it came.
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import { Trans, useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { useApiErrorText } from '../ui/useApiErrorText.tsx'

export interface LoadFailureProps {
  readonly status: number
  readonly message: string
  /** The server's error code, when the caller has it (useApi results do). */
  readonly code?: string | null
}

export function LoadFailure({ status, message, code = null }: LoadFailureProps) {
  const { t } = useTranslation('common')
  const location = useLocation()
  const errorText = useApiErrorText()
  if (status === 401) {
    const back = encodeURIComponent(location.pathname + location.search)
    return (
      <Alert type="info" role="alert" className="load-failure">
        <Paragraph>{t('loadFailure.loggedOut')}</Paragraph>
        <Paragraph>
          <Trans
            t={t}
            i18nKey="loadFailure.logInToContinue"
            components={[<Link key="login" to={`/inloggen?terug=${back}`} />]}
          />
        </Paragraph>
      </Alert>
    )
  }
  const text = status === 403 ? t('loadFailure.forbidden') : status === 0 ? t('loadFailure.unreachable') : null
  return (
    <Alert type="error" role="alert" className="load-failure">
      {text !== null ? <Paragraph>{text}</Paragraph> : errorText({ status, message, code })}
      <Button type="button" appearance="secondary-action-button" onClick={() => window.location.reload()}>
        {t('retry')}
      </Button>
    </Alert>
  )
}
