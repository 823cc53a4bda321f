// Asks a signatory to confirm a signature before it is sent: which section, for which side, which
// text (its checksum, followed live), what happens next (the lock, or waiting for the other side),
// and what is still worth reading first (open reactions, changes not yet saved). A signature is
// consequential and is only undone by both parties together, so one click on "Ondertekenen" in the
// panel opens this dialog and does not sign. The signature covers the hash shown when the user
// confirms; a text that changed on the server meanwhile is refused (409 content_changed), shown here.
// A native modal <dialog> (see ReopenDialog): the focus starts on its title, so an Enter pressed twice
// does not sign, and the first Tab reaches the confirm button.
import type { Signature, SignSide } from '@novex/shared'
import { Button, Heading, Paragraph } from '@rijkshuisstijl-community/components-react'
import { type FormEvent, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { ModalDialog } from '../../ui/ModalDialog.tsx'
import { ownWords, type ShownError, wordsAttributes } from './apiError.ts'
import { shortHash, sideName } from './signoffText.ts'
import { useSectionHash } from './useSectionHash.ts'

export interface SignTarget {
  readonly sectionId: string
  readonly sectionLabel: string
  /** The side the user signs for. */
  readonly side: SignSide
  /** The other side's signature that stands, if any. */
  readonly other: Signature | null
  readonly openThreads: number
}

export interface SignDialogProps {
  readonly target: SignTarget
  readonly doc: Y.Doc
  /** Every local change acknowledged: the server has the text this browser shows. */
  readonly upToDate: boolean
  /** Signs the given hash; resolves to the failure to show, or null when it worked. */
  readonly onSubmit: (hash: string) => Promise<ShownError | null>
  readonly onClose: () => void
}

export function SignDialog({ target, doc, upToDate, onSubmit, onClose }: SignDialogProps) {
  const { t } = useTranslation('signoff')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleRef = useRef<HTMLHeadingElement>(null)
  const hash = useSectionHash(doc, target.sectionId)
  const [openedWith] = useState(hash)
  const [error, setError] = useState<ShownError | null>(null)
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  const descriptionId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  const handleSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault()
    if (busy) return
    if (hash === null) {
      setError(ownWords(t('errors.section_not_found')))
      return
    }
    setBusy(true)
    setError(null)
    const failure = await onSubmit(hash)
    setBusy(false)
    if (failure === null) onCloseRef.current()
    else setError(failure)
  }

  const other = target.other
  const otherSide = target.side === 'rijk' ? 'provincie' : 'rijk'
  const locks = other !== null && other.hash === hash
  return (
    <ModalDialog
      dialogRef={dialogRef}
      testId="sign-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      initialFocus={titleRef}
      onClose={() => onCloseRef.current()}
    >
      <form onSubmit={(e) => void handleSubmit(e)} noValidate>
        <Heading
          level={2}
          appearanceLevel={3}
          id={titleId}
          ref={titleRef}
          tabIndex={-1}
          className="dialog__title"
          translate="no"
        >
          {t('sign.title', { section: target.sectionLabel })}
        </Heading>
        <div id={descriptionId}>
          <Paragraph data-testid="sign-what">
            {t('sign.what', { side: sideName(t, target.side), hash: shortHash(hash) })}
          </Paragraph>
          <Paragraph data-testid="sign-next">
            {locks
              ? t('sign.thenLocked', {
                  name: other.signer.name,
                  organisation: other.signer.organisationName,
                  other: sideName(t, otherSide),
                })
              : t('sign.thenWaits', { other: sideName(t, otherSide) })}
          </Paragraph>
        </div>
        {target.openThreads > 0 && (
          <p className="signoff-panel__warning" data-testid="sign-open-threads">
            {t('sign.openThreads', { count: target.openThreads })}
          </p>
        )}
        {!upToDate && (
          <p className="signoff-panel__warning" data-testid="sign-not-saved">
            {t('panel.notSaved')}
          </p>
        )}
        {hash !== openedWith && (
          <p className="signoff-panel__warning" role="alert" data-testid="sign-changed">
            {t('sign.changed', { hash: shortHash(hash) })}
          </p>
        )}
        {error !== null && (
          <p className="form-error" role="alert" data-testid="sign-error" {...wordsAttributes(error)}>
            {error.text}
          </p>
        )}
        <div className="dialog__buttons">
          <Button type="submit" appearance="primary-action-button" data-testid="sign-confirm" aria-disabled={busy}>
            {busy ? t('reopen.busy') : t('sign.confirm', { side: sideName(t, target.side) })}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={() => onCloseRef.current()}>
            {t('reopen.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  )
}
