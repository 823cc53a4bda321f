// The text the server refused, in a modal dialog: which section, why, and the text itself, ready to
// copy. Shown after the page rebuilt the document and replayed everything else (replayPending), so it
// is exactly what could not be saved. The focus moves into the dialog; Escape or "Sluiten" closes it
// and gives the focus back to where the user was working.
import { type SyntheticEvent, useEffect, useId, useRef, useState } from 'react'
import type { RefusedSection } from '../../collab/replayPending.ts'
import { copyText } from './copyText.ts'
import { textToCopy } from './refusedTextToCopy.ts'
import { restoreFocus } from './restoreFocus.ts'
import './refusedDialog.css'

export interface RefusedDialogProps {
  readonly sections: readonly RefusedSection[]
  /** The section the user was working in, to return the focus to. */
  readonly section: string | null
  readonly onClose: () => void
  /** Posts a section's refused text as a comment on it; absent when the user may not comment. */
  readonly onPostAsComment?: (section: RefusedSection) => Promise<void>
}

const WHY: Readonly<Record<RefusedSection['why'], string>> = {
  locked: 'Het Rijk en de provincie hebben deze sectie ondertekend. Daarom kan niemand de tekst nog wijzigen.',
  unsupported: 'Deze sectie bevat onderdelen die deze browser niet veilig kan bijwerken.',
}

type CopyState = 'idle' | 'copied' | 'failed'
type PostState = 'posting' | 'posted' | { readonly error: string }

export function RefusedDialog({ sections, section, onClose, onPostAsComment }: RefusedDialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const returnTo = useRef<Element | null>(null)
  const [copy, setCopy] = useState<CopyState>('idle')
  const [posts, setPosts] = useState<Readonly<Record<string, PostState>>>({})
  const titleId = useId()
  const descriptionId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (dialog === null) return
    // Only the first time: StrictMode runs this effect twice, and by then the focus is in the dialog.
    returnTo.current ??= dialog.ownerDocument.activeElement
    // Modal: the rest of the page is inert, the focus moves in, Escape closes. No close() on cleanup:
    // it would fire `close` (and dismiss the refusal) on StrictMode's trial unmount; an unmounted
    // dialog leaves the top layer with its element anyway.
    if (!dialog.open) dialog.showModal()
  }, [])

  const handleClose = (event: SyntheticEvent<HTMLDialogElement>): void => {
    restoreFocus(event.currentTarget.ownerDocument, returnTo.current, section)
    onClose()
  }

  const handleCopy = async (): Promise<void> => {
    const dialog = ref.current
    if (dialog === null) return
    setCopy((await copyText(textToCopy(sections), dialog)) ? 'copied' : 'failed')
  }

  const post = async (refused: RefusedSection): Promise<void> => {
    if (!onPostAsComment) return
    setPosts((current) => ({ ...current, [refused.sectionId]: 'posting' }))
    try {
      await onPostAsComment(refused)
      setPosts((current) => ({ ...current, [refused.sectionId]: 'posted' }))
    } catch (error) {
      const message = error instanceof Error ? error.message : 'Plaatsen lukte niet.'
      setPosts((current) => ({ ...current, [refused.sectionId]: { error: message } }))
    }
  }

  return (
    <dialog
      ref={ref}
      className="refused-dialog"
      data-testid="refused-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={handleClose}
    >
      <h2 id={titleId} className="refused-dialog__title">
        Uw tekst kon niet worden opgeslagen
      </h2>
      <p id={descriptionId}>
        De server heeft een wijziging van u geweigerd. Het document is opnieuw van de server opgehaald en uw wijzigingen
        in de andere secties zijn bewaard. Deze tekst kon niet worden opgeslagen:
      </p>
      {sections.map((s) => (
        <section key={s.sectionId} className="refused-dialog__section" data-section-id={s.sectionId}>
          <h3 className="refused-dialog__section-title">{s.title || 'Sectie zonder titel'}</h3>
          <p className="refused-dialog__why">{WHY[s.why]}</p>
          {s.titleText !== '' && (
            <p data-testid="refused-title-text">
              In de titel: <strong>{s.titleText}</strong>
            </p>
          )}
          {s.text !== '' && (
            <pre className="refused-dialog__text" data-testid="refused-text">
              {s.text}
            </pre>
          )}
          {s.titleText === '' && s.text === '' && (
            <p className="refused-dialog__why">U had hier alleen tekst verwijderd of opgemaakt.</p>
          )}
          {onPostAsComment && s.why === 'locked' && (s.text !== '' || s.titleText !== '') && (
            <p className="refused-dialog__post">
              <button
                type="button"
                className="button button--secondary"
                data-testid="refused-post-comment"
                disabled={posts[s.sectionId] === 'posting' || posts[s.sectionId] === 'posted'}
                onClick={() => void post(s)}
              >
                Als reactie plaatsen
              </button>
              <span role="status" data-testid="refused-post-status">
                {posts[s.sectionId] === 'posted' && ' Geplaatst als reactie bij deze sectie.'}
                {typeof posts[s.sectionId] === 'object' && ` ${(posts[s.sectionId] as { error: string }).error}`}
              </span>
            </p>
          )}
        </section>
      ))}
      <p className="refused-dialog__hint">
        Kopieer de tekst of plaats hem als reactie bij de sectie, zodat de ondertekenaars hem zien. Moet een
        ondertekende sectie toch anders? Vraag de ondertekenaars dan om de sectie te heropenen.
      </p>
      <p className="refused-dialog__copied" role="status">
        {copy === 'copied' && 'De tekst staat op het klembord.'}
        {copy === 'failed' && 'Kopiëren lukte niet. Selecteer de tekst en kopieer met Ctrl+C.'}
      </p>
      <div className="refused-dialog__actions">
        <button type="button" className="button" data-testid="refused-copy" onClick={() => void handleCopy()}>
          Tekst kopiëren
        </button>
        <button
          type="button"
          className="button button--secondary"
          data-testid="refused-close"
          onClick={() => ref.current?.close()}
        >
          Sluiten
        </button>
      </div>
    </dialog>
  )
}
