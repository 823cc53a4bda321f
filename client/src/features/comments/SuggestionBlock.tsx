// A thread's text suggestion ("tekstvoorstel") in its card: the proposed wording as changes to the quoted
// text (word by word, each change labelled in words), and for an author "Voorstel overnemen". Taking it
// over is the author's own edit in the section's editor (through the update gate like any typing, and
// undone with Ctrl+Z); then the server records who did it and where the text now is. Offered only while
// the text is still what was quoted and the author may change the section; otherwise the card says why.
import type { CommentAnchor, CommentThread } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { markSuggestionApplied } from '../../api/comments.ts'
import { DiffText } from '../versions/DiffText.tsx'
import { anchorFromRange } from './anchors.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { rangeText } from './commentRange.ts'
import type { AnchorPlace } from './commentsStore.ts'
import { DoneBy } from './DoneBy.tsx'
import { FormError } from './FormError.tsx'
import { suggestionChanges } from './suggestionChanges.ts'

export interface SuggestionBlockProps {
  readonly thread: CommentThread
  readonly place: AnchorPlace | undefined
}

/** Taken over in the text, but not yet recorded at the server (the request failed): try that again. */
interface Unrecorded {
  readonly anchor: CommentAnchor | null
}

export function SuggestionBlock({ thread, place }: SuggestionBlockProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const titleRef = useRef<HTMLParagraphElement>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [unrecorded, setUnrecorded] = useState<Unrecorded | null>(null)
  const [taken, setTaken] = useState(false)
  const suggestion = thread.suggestion ?? null
  const proposed = suggestion?.text ?? null
  const parts = useMemo(
    () => (proposed === null ? [] : suggestionChanges(thread.quote, proposed)),
    [thread.quote, proposed],
  )
  if (context === null || suggestion === null) return null

  const { store, documentId } = context
  const view = store.viewOf(thread.sectionId)
  const current = view !== undefined && place?.kind === 'range' ? rangeText(view.state.doc, place.from, place.to) : null
  const waiting = context.canEdit && thread.status === 'open' && suggestion.appliedBy === null && unrecorded === null
  const mayChange = store.mayChangeText(thread.sectionId)
  // Taken over, and since then changed or undone (Ctrl+Z): the record stays, so the card says so.
  const changedSince =
    suggestion.appliedBy !== null &&
    suggestion.text !== '' &&
    view !== undefined &&
    (place?.kind === 'deleted' || (place?.kind === 'range' && current !== suggestion.text))
  const blocked = !waiting
    ? null
    : !mayChange
      ? t('suggestion.cannotChange')
      : current !== thread.quote
        ? t('suggestion.textChanged')
        : null

  const record = async (anchor: CommentAnchor | null): Promise<void> => {
    setBusy(true)
    setError(null)
    try {
      await markSuggestionApplied(documentId, thread.id, anchor)
      setUnrecorded(null)
      setTaken(true)
    } catch (failure) {
      setUnrecorded({ anchor })
      setError(`${t('suggestion.recordFailed')} ${apiErrorText(t, i18n, failure, '')}`.trim())
    } finally {
      setBusy(false)
      // The button is gone: the focus stays in the card.
      requestAnimationFrame(() => titleRef.current?.focus())
    }
  }

  const takeOver = async (): Promise<void> => {
    const editor = store.viewOf(thread.sectionId)
    if (editor === undefined || place?.kind !== 'range' || !store.mayChangeText(thread.sectionId)) {
      setError(t('suggestion.cannotChange'))
      return
    }
    const { from, to } = place
    if (rangeText(editor.state.doc, from, to) !== thread.quote) {
      setError(t('suggestion.textChanged'))
      return
    }
    const text = suggestion.text
    // insertText keeps the formatting of the text it replaces.
    editor.dispatch(text === '' ? editor.state.tr.delete(from, to) : editor.state.tr.insertText(text, from, to))
    await record(text === '' ? null : anchorFromRange(editor.state, from, from + text.length))
  }

  return (
    <div className="comment-suggestion" data-testid="comment-suggestion-block">
      <p ref={titleRef} tabIndex={-1} className="comment-suggestion__title">
        {t('suggestion.title')}
      </p>
      {suggestion.text === '' ? <p>{t('suggestion.removal')}</p> : <DiffText parts={parts} />}
      {suggestion.appliedBy !== null && suggestion.appliedAt !== null && (
        <DoneBy
          i18nKey="suggestion.appliedBy"
          by={suggestion.appliedBy}
          at={suggestion.appliedAt}
          testId="suggestion-applied"
        />
      )}
      {changedSince && (
        <p className="hint" data-testid="suggestion-changed-since">
          {t('suggestion.changedSince')}
        </p>
      )}
      {taken && (
        <p className="hint" role="status">
          {t('suggestion.undoHint')}
        </p>
      )}
      {waiting && blocked === null && (
        <Button
          appearance="primary-action-button"
          data-testid="suggestion-apply"
          disabled={busy}
          onClick={() => void takeOver()}
        >
          {busy ? t('suggestion.busy') : t('suggestion.apply')}
        </Button>
      )}
      {blocked !== null && <p className="hint">{blocked}</p>}
      {unrecorded !== null && (
        <Button
          appearance="secondary-action-button"
          data-testid="suggestion-record"
          disabled={busy}
          onClick={() => void record(unrecorded.anchor)}
        >
          {busy ? t('suggestion.busy') : t('suggestion.record')}
        </Button>
      )}
      <FormError message={error} />
    </div>
  )
}
