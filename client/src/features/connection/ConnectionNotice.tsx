// When the server ends the connection for good (no access, logged out, document gone), says so and
// what to do; the page stops reconnecting.
import { CloseCode } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import type { CollabState } from '../../collab/createCollab.ts'
import type { Translate } from '../../ui/translate.ts'

export function ConnectionNotice({ closed }: { readonly closed: CollabState['closed'] }) {
  const { t } = useTranslation('connection')
  if (closed === null) return null
  return (
    <div
      className="notice notice--error notice--floating"
      role="alert"
      data-testid="connection-closed"
      data-code={closed.code}
    >
      <h2 className="notice__title">{t('closed.title')}</h2>
      <p>{explain(t, closed.code)}</p>
      <p className="notice__detail">{t('closed.kept')}</p>
    </div>
  )
}

function explain(t: Translate<'connection'>, code: number): string {
  switch (code) {
    case CloseCode.unauthenticated:
      return t('closed.unauthenticated')
    case CloseCode.forbidden:
      return t('closed.forbidden')
    case CloseCode.notFound:
      return t('closed.notFound')
    default:
      return t('closed.other', { code })
  }
}
