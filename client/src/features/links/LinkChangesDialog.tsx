// "Wat is er gewijzigd?" for a suspect link: the target's text now against the text when it was linked
// (or last reviewed), from the server, and "Markeren als beoordeeld" for people with edit rights. A
// section link added to or removed from the target is a part of its own, named in the page's language as
// a version comparison names it ("[koppeling: § 2 …]", versions/diffLinkText.ts).
// A native modal <dialog> put at the end of <body>, outside the editor: the page behind is inert (the
// focus stays in the dialog), Escape closes it, and the caller puts the focus back.
import { Button, Heading } from '@rijkshuisstijl-community/components-react'
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { Trans, useTranslation } from 'react-i18next'
import { type ChangePart, fetchLinkChanges, type LinkKey, reviewLink } from '../../api/links.ts'
import { ModalDialog } from '../../ui/ModalDialog.tsx'
import { apiError, failedAnswerOf, ownWords, type ShownError, wordsAttributes } from '../signoff/apiError.ts'
import { diffLinkWords } from '../versions/diffLinkText.ts'

export interface LinkChangesDialogProps {
  readonly documentId: string
  readonly link: LinkKey
  /** "§ 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)" */
  readonly targetLabel: string
  readonly canReview: boolean
  /** `reviewed` true after the link was marked reviewed. */
  readonly onClose: (reviewed: boolean) => void
}

type Changes =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly parts: readonly ChangePart[] }
  | { readonly state: 'failed'; readonly error: unknown }

export function LinkChangesDialog({ documentId, link, targetLabel, canReview, onClose }: LinkChangesDialogProps) {
  const { t } = useTranslation('links')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [changes, setChanges] = useState<Changes>({ state: 'loading' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ShownError | null>(null)
  const titleId = useId()
  // The focus starts on the title, not on "Markeren als beoordeeld": Enter does not mark a change
  // reviewed before it was read.
  const titleRef = useRef<HTMLHeadingElement>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  const reviewedRef = useRef(false)
  const { sourceSectionId, targetDocumentId, targetSectionId } = link

  useEffect(() => {
    const controller = new AbortController()
    fetchLinkChanges(documentId, { sourceSectionId, targetDocumentId, targetSectionId }, controller.signal).then(
      (parts) => setChanges({ state: 'ready', parts }),
      (failure: unknown) => {
        if (controller.signal.aborted) return
        setChanges({ state: 'failed', error: failure })
      },
    )
    return () => controller.abort()
  }, [documentId, sourceSectionId, targetDocumentId, targetSectionId])

  const review = async (): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await reviewLink(documentId, { sourceSectionId, targetDocumentId, targetSectionId })
      reviewedRef.current = true
      dialogRef.current?.close()
    } catch (failure) {
      const answer = failedAnswerOf(failure)
      setError(answer === null ? ownWords(t('changes.reviewFailed')) : apiError(t, answer))
      setBusy(false)
    }
  }

  return createPortal(
    <ModalDialog
      dialogRef={dialogRef}
      testId="link-changes"
      className="link-changes"
      labelledBy={titleId}
      initialFocus={titleRef}
      // Escape (the native cancel), the buttons and a successful review all end here.
      onClose={() => onCloseRef.current(reviewedRef.current)}
      returnFocus={false}
    >
      <Heading level={2} appearanceLevel={3} id={titleId} ref={titleRef} tabIndex={-1} className="dialog__title">
        {t('changes.title', { target: targetLabel })}
      </Heading>
      <p>
        <Trans t={t} i18nKey="changes.explain" components={{ ins: <ins />, del: <del /> }} />
      </p>
      <ChangesBody changes={changes} />
      {error !== null && (
        <p className="form-error" role="alert" {...wordsAttributes(error)}>
          {error.text}
        </p>
      )}
      <div className="dialog__buttons">
        {canReview && (
          <Button
            type="button"
            appearance="primary-action-button"
            data-testid="link-review"
            aria-disabled={busy}
            onClick={() => {
              if (!busy) void review()
            }}
          >
            {busy ? t('changes.busy') : t('changes.review')}
          </Button>
        )}
        <Button type="button" appearance="secondary-action-button" onClick={() => dialogRef.current?.close()}>
          {t('changes.close')}
        </Button>
      </div>
    </ModalDialog>,
    document.body,
  )
}

/** A part's text: the section's words as they are, a link as "[koppeling: § 2 Titel]" (target translate="no"). */
function PartText({ part }: { readonly part: ChangePart }): ReactNode {
  const { t } = useTranslation('versions')
  if (!part.link) return <span translate="no">{part.value}</span>
  const { target, note } = diffLinkWords(t, part.link)
  return (
    <span data-testid="link-changes-link">
      {t('diff.linkStart')}
      {target !== null && <span translate="no">{target}</span>}
      {note !== null && (target === null ? note : t('diff.linkNote', { note }))}
      {t('diff.end')}
    </span>
  )
}

function ChangesBody({ changes }: { readonly changes: Changes }): ReactNode {
  const { t } = useTranslation('links')
  if (changes.state === 'loading')
    return (
      <p className="hint" role="status">
        {t('changes.loading')}
      </p>
    )
  if (changes.state === 'failed') {
    const answer = failedAnswerOf(changes.error)
    const shown = answer === null ? ownWords(t('changes.failed')) : apiError(t, answer)
    return (
      <p className="form-error" role="alert" {...wordsAttributes(shown)}>
        {shown.text}
      </p>
    )
  }
  if (!changes.parts.some((part) => part.added || part.removed))
    return <p className="hint">{t('changes.noDifference')}</p>
  // The section's text is user content; the markers for screen readers are interface text.
  return (
    <div className="link-changes__text" data-testid="link-changes-text">
      {changes.parts.map((part, index) =>
        part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <ins key={index}>
            <span className="visually-hidden">{t('changes.addedStart')}</span>
            <PartText part={part} />
            <span className="visually-hidden">{t('changes.end')}</span>
          </ins>
        ) : part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <del key={index}>
            <span className="visually-hidden">{t('changes.removedStart')}</span>
            <PartText part={part} />
            <span className="visually-hidden">{t('changes.end')}</span>
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <PartText key={index} part={part} />
        ),
      )}
    </div>
  )
}
