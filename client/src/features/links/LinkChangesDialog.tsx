// "Wat is er gewijzigd?" for a suspect link: the target's text now against the text when it was linked
// (or last reviewed), from the server, and "Markeren als beoordeeld" for people with edit rights.
// A native modal <dialog> put at the end of <body>, outside the editor: the page behind is inert (the
// focus stays in the dialog), Escape closes it, and the caller puts the focus back.
import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { ApiError } from '../../api/documents.ts'
import { type ChangePart, fetchLinkChanges, type LinkKey, reviewLink } from '../../api/links.ts'

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
  | { readonly state: 'failed'; readonly message: string }

export function LinkChangesDialog({ documentId, link, targetLabel, canReview, onClose }: LinkChangesDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const [changes, setChanges] = useState<Changes>({ state: 'loading' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const titleId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  const reviewedRef = useRef(false)
  const { sourceSectionId, targetDocumentId, targetSectionId } = link

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog === null) return
    dialog.showModal()
    return () => {
      if (dialog.open) dialog.close()
    }
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    fetchLinkChanges(documentId, { sourceSectionId, targetDocumentId, targetSectionId }, controller.signal).then(
      (parts) => setChanges({ state: 'ready', parts }),
      (failure: unknown) => {
        if (controller.signal.aborted) return
        setChanges({
          state: 'failed',
          message: failure instanceof ApiError ? failure.message : 'De wijzigingen konden niet worden geladen.',
        })
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
      setError(failure instanceof ApiError ? failure.message : 'Markeren is niet gelukt.')
      setBusy(false)
    }
  }

  return createPortal(
    <dialog
      ref={dialogRef}
      className="dialog link-changes"
      aria-labelledby={titleId}
      data-testid="link-changes"
      // Escape (the native cancel), the buttons and a successful review all end here.
      onClose={() => onCloseRef.current(reviewedRef.current)}
    >
      <h2 id={titleId} className="dialog__title">
        Gewijzigd sinds koppeling: {targetLabel}
      </h2>
      <p>
        De tekst hieronder is de gekoppelde sectie zoals die nu is. <ins>Onderstreept</ins> is nieuw,{' '}
        <del>doorgestreept</del> is weggehaald sinds de koppeling.
      </p>
      <ChangesBody changes={changes} />
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog__buttons">
        {canReview && (
          <button
            type="button"
            className="button"
            data-testid="link-review"
            disabled={busy}
            onClick={() => void review()}
          >
            {busy ? 'Bezig…' : 'Markeren als beoordeeld'}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={() => dialogRef.current?.close()}>
          Sluiten
        </button>
      </div>
    </dialog>,
    document.body,
  )
}

function ChangesBody({ changes }: { readonly changes: Changes }): ReactNode {
  if (changes.state === 'loading')
    return (
      <p className="hint" role="status">
        Wijzigingen laden…
      </p>
    )
  if (changes.state === 'failed')
    return (
      <p className="form-error" role="alert">
        {changes.message}
      </p>
    )
  if (!changes.parts.some((part) => part.added || part.removed))
    return <p className="hint">Er is geen verschil in de tekst gevonden (misschien alleen de opmaak).</p>
  return (
    <div className="link-changes__text" data-testid="link-changes-text">
      {changes.parts.map((part, index) =>
        part.added ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <ins key={index}>
            <span className="visually-hidden">[nieuw: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </ins>
        ) : part.removed ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <del key={index}>
            <span className="visually-hidden">[weggehaald: </span>
            {part.value}
            <span className="visually-hidden">]</span>
          </del>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts are a fixed list in text order.
          <span key={index}>{part.value}</span>
        ),
      )}
    </div>
  )
}
