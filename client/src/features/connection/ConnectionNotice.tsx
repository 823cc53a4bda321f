// When the server ends the connection for good (session ended, no access, document gone), says so and
// what to do, with the way to do it: log in again and come back to this document (what was typed in
// the meantime is kept in this browser and sent then), go to the document list, or reload the page.
// Without access, or without the document, waiting changes can never be sent from here: then the
// notice also offers to copy the text the server has not confirmed (UnsavedTextCopy).
// The page stops reconnecting.
import { CloseCode } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { CollabState } from '../../collab/createCollab.ts'
import type { UnsavedSection } from '../../collab/unsavedText.ts'
import type { Translate } from '../../ui/translate.ts'
import { UnsavedTextCopy } from './UnsavedTextCopy.tsx'

export interface ConnectionNoticeProps {
  readonly closed: CollabState['closed']
  /** The text not confirmed by the server (Collab.unsavedSections); null when it cannot be told. */
  readonly unsaved?: () => readonly UnsavedSection[] | null
}

export function ConnectionNotice({ closed, unsaved }: ConnectionNoticeProps) {
  const { t } = useTranslation('connection')
  const location = useLocation()
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
      {/* Copy first, then leave: the way on may take the user away from the text. */}
      {unsaved && cannotSendAgain(closed.code) && unsaved() !== null && (
        <UnsavedTextCopy read={() => unsaved() ?? []} />
      )}
      <p className="notice__action">{action(t, closed.code, location.pathname + location.search)}</p>
    </div>
  )
}

/** Closed for a reason logging in again or reloading will not undo: what waits can never be sent from here. */
function cannotSendAgain(code: number): boolean {
  return code === CloseCode.forbidden || code === CloseCode.notFound
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

function action(t: Translate<'connection'>, code: number, here: string) {
  switch (code) {
    case CloseCode.unauthenticated:
      return <Link to={`/inloggen?terug=${encodeURIComponent(here)}`}>{t('closed.logIn')}</Link>
    case CloseCode.forbidden:
    case CloseCode.notFound:
      return <Link to="/">{t('closed.toList')}</Link>
    default:
      return (
        <Button type="button" appearance="secondary-action-button" onClick={() => window.location.reload()}>
          {t('closed.reload')}
        </Button>
      )
  }
}
