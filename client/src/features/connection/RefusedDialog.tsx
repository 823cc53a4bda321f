// The text the server refused, in a modal dialog: which section, why, and the text itself, ready to
// copy. Shown after the page rebuilt the document and replayed everything else (replayPending), so it
// is exactly what could not be saved. The focus moves into the dialog; Escape or "Sluiten" closes it
// and gives the focus back to where the user was working.
import { Button } from '@rijkshuisstijl-community/components-react'
import { type SyntheticEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/documents.ts'
import type { RefusedSection } from '../../collab/replayPending.ts'
import { keepTabInside } from '../../ui/keepTabInside.ts'
import { useKnownTargets } from '../links/knownTargets.ts'
import { copyText } from './copyText.ts'
import { withLinkNames } from './refusedLinkText.ts'
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

type CopyState = 'idle' | 'copied' | 'failed'
type PostState = 'posting' | 'posted' | { readonly error: string }

export function RefusedDialog({ sections, section, onClose, onPostAsComment }: RefusedDialogProps) {
  const { t } = useTranslation('connection')
  const ref = useRef<HTMLDialogElement>(null)
  const known = useKnownTargets()
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
    setCopy((await copyText(textToCopy(t, sections, known), dialog)) ? 'copied' : 'failed')
  }

  const post = async (refused: RefusedSection): Promise<void> => {
    if (!onPostAsComment) return
    setPosts((current) => ({ ...current, [refused.sectionId]: 'posting' }))
    try {
      await onPostAsComment(refused)
      setPosts((current) => ({ ...current, [refused.sectionId]: 'posted' }))
    } catch (error) {
      // Our own "section gone" text, or the general one: an API error's message is the server's Dutch.
      const message =
        error instanceof Error && !(error instanceof ApiError) && error.message !== ''
          ? error.message
          : t('refused.postFailed')
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
      onKeyDown={keepTabInside}
    >
      <h2 id={titleId} className="refused-dialog__title">
        {t('refused.title')}
      </h2>
      <p id={descriptionId}>{t('refused.intro')}</p>
      {sections.map((s) => (
        <section key={s.sectionId} className="refused-dialog__section" data-section-id={s.sectionId}>
          <h3 className="refused-dialog__section-title">
            {s.title === '' ? t('refused.untitled') : <span translate="no">{s.title}</span>}
          </h3>
          <p className="refused-dialog__why">{t(`refused.why.${s.why}`)}</p>
          {s.titleText !== '' && (
            <p data-testid="refused-title-text">
              {t('refused.inTitle')} <strong translate="no">{s.titleText}</strong>
            </p>
          )}
          {s.text !== '' && (
            <pre className="refused-dialog__text" data-testid="refused-text" translate="no">
              {withLinkNames(t, s.text, known)}
            </pre>
          )}
          {s.titleText === '' && s.text === '' && <p className="refused-dialog__why">{t('refused.onlyRemoved')}</p>}
          {onPostAsComment && s.why === 'locked' && (s.text !== '' || s.titleText !== '') && (
            <p className="refused-dialog__post">
              <Button
                type="button"
                appearance="secondary-action-button"
                data-testid="refused-post-comment"
                disabled={posts[s.sectionId] === 'posting' || posts[s.sectionId] === 'posted'}
                onClick={() => void post(s)}
              >
                {t('refused.postAsComment')}
              </Button>
              <span role="status" data-testid="refused-post-status">
                {posts[s.sectionId] === 'posted' && ` ${t('refused.posted')}`}
                {typeof posts[s.sectionId] === 'object' && ` ${(posts[s.sectionId] as { error: string }).error}`}
              </span>
            </p>
          )}
        </section>
      ))}
      <p className="refused-dialog__hint">{t('refused.hint')}</p>
      <p className="refused-dialog__copied" role="status">
        {copy === 'copied' && t('refused.copied')}
        {copy === 'failed' && t('refused.copyFailed')}
      </p>
      <div className="refused-dialog__actions">
        <Button
          type="button"
          appearance="primary-action-button"
          data-testid="refused-copy"
          onClick={() => void handleCopy()}
        >
          {t('refused.copy')}
        </Button>
        <Button
          type="button"
          appearance="secondary-action-button"
          data-testid="refused-close"
          onClick={() => ref.current?.close()}
        >
          {t('common:close')}
        </Button>
      </div>
    </dialog>
  )
}
