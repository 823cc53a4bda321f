// "Uitloggen" while the document's last changes are not stored yet: instead of leaving them behind in
// this browser (where they are sent only when the same person logs in here again), the dialog waits
// until the server has them and then logs out by itself, saying meanwhile that it is saving, or that
// it waits for the connection. A change the server refused meanwhile stops the logout: the page shows
// the refused text, and the user decides (`onRefused`). "Toch uitloggen" leaves at once, and says what
// happens to the changes; "Annuleren" (or Escape) stays.
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { useEffect, useId, useRef, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { ModalDialog } from '../ui/ModalDialog.tsx'
import type { UnsavedWork } from './unsavedWork.ts'

export interface LogoutWaitDialogProps {
  readonly work: UnsavedWork
  /** Logs out: once the work is saved, or at once on "Toch uitloggen". */
  readonly onLogout: () => void
  /** A change was refused while waiting: nothing is logged out. */
  readonly onRefused: () => void
  readonly onCancel: () => void
}

export function LogoutWaitDialog({ work, onLogout, onRefused, onCancel }: LogoutWaitDialogProps) {
  const { t } = useTranslation('session')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const cancelRef = useRef<HTMLButtonElement>(null)
  const titleId = useId()
  const textId = useId()
  const onLogoutRef = useRef(onLogout)
  onLogoutRef.current = onLogout
  const onRefusedRef = useRef(onRefused)
  onRefusedRef.current = onRefused
  // Refusals from before the dialog opened are the page's business, not a reason to stay.
  const refusedBefore = useRef(work.latestRefusal())
  const canSave = useSyncExternalStore(work.subscribe, () => work.canSave())

  useEffect(() => {
    const controller = new AbortController()
    work.untilSaved(controller.signal).then(
      () => {
        if (work.latestRefusal() > refusedBefore.current) onRefusedRef.current()
        else onLogoutRef.current()
      },
      // Aborted: the dialog closed first.
      () => {},
    )
    return () => controller.abort()
  }, [work])

  return (
    <ModalDialog
      dialogRef={dialogRef}
      testId="logout-wait"
      labelledBy={titleId}
      describedBy={textId}
      initialFocus={cancelRef}
      onClose={onCancel}
    >
      <Heading level={2} appearanceLevel={3} id={titleId} className="dialog__title">
        {t('logoutWait.title')}
      </Heading>
      <Paragraph id={textId}>{t('logoutWait.text')}</Paragraph>
      <p role="status" className="logout-wait__status" data-testid="logout-wait-status">
        {canSave ? t('logoutWait.saving') : t('logoutWait.offline')}
      </p>
      <Paragraph>{t('logoutWait.anywayHint')}</Paragraph>
      <div className="dialog__buttons">
        <Button ref={cancelRef} type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('logoutWait.cancel')}
        </Button>
        <Button type="button" appearance="subtle-button" data-testid="logout-anyway" onClick={() => onLogout()}>
          {t('logoutWait.anyway')}
        </Button>
      </div>
    </ModalDialog>
  )
}
