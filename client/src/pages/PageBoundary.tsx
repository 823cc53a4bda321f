// Around every page: what the user sees when a page cannot be shown. Either its code could not be
// loaded (PageCodeError: the connection, or a new version of the application was installed on the
// server meanwhile), or it crashed while rendering. Both say so in words and offer a reload, instead
// of leaving an empty screen. What was typed into a section is already in the browser's local copy
// and on its way to the server, so a reload loses nothing of it.
import { Alert, Button, Paragraph } from '@rijkshuisstijl-community/components-react'
import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { PageCodeError } from './lazyPage.ts'

function PageFailure({ error }: FallbackProps) {
  const { t } = useTranslation('common')
  const text = error instanceof PageCodeError ? t('pageFailure.notLoaded') : t('pageFailure.crashed')
  return (
    <Alert type="error" role="alert" className="load-failure" data-testid="page-failure">
      <Paragraph>{text}</Paragraph>
      <Button type="button" appearance="secondary-action-button" onClick={() => window.location.reload()}>
        {t('pageFailure.reload')}
      </Button>
    </Alert>
  )
}

/** Shows PageFailure instead of a page that failed; going to another address tries again. */
export function PageBoundary({ children }: { readonly children: ReactNode }) {
  const { pathname } = useLocation()
  return (
    <ErrorBoundary FallbackComponent={PageFailure} resetKeys={[pathname]}>
      {children}
    </ErrorBoundary>
  )
}
