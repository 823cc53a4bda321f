// "Reactie plaatsen" for one section's editor: a button beside the selected text (also Ctrl+Alt+M in
// the editor), then a small form under the text. The anchor is taken when the form opens, so the
// thread is anchored to what was selected even if the text changes while the comment is typed.
// Works in locked and read-only sections: it only reads the selection and changes no text. For text
// within one paragraph the form also offers "Tekst voorstellen": proposed wording that an author can
// take over in one step (SuggestionBlock.tsx).
import { COMMENT_LIMITS, type CommentAnchor } from '@novex/shared'
import { Button, Textarea } from '@rijkshuisstijl-community/components-react'
import type { Editor } from '@tiptap/core'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { createThread } from '../../api/comments.ts'
import { anchorFromRange } from './anchors.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { rangeText, suggestableText } from './commentRange.ts'
import { mentionsIn } from './commentText.ts'
import { FormError } from './FormError.tsx'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { useRestoreOnUndo } from './useRestoreOnUndo.ts'
import '../../styles/comments.css'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { useLeaveGuard } from '../../ui/useLeaveGuard.ts'

export interface SectionCommentsProps {
  readonly editor: Editor | null
  readonly fragment: Y.XmlFragment
  /**
   * False for locked sections and comment-only members. Their text still takes a keyboard caret and
   * selection (editor/readOnlyText.ts); the whole-section button is offered beside it.
   */
  readonly editable: boolean
}

interface Draft {
  readonly sectionId: string
  readonly anchor: CommentAnchor
  readonly quote: string
  /** The selected text when wording can be proposed for it (plain text in one paragraph), else null. */
  readonly suggestable: string | null
}

interface ButtonPlace {
  readonly top: number
  readonly left: number
}

export const COMMENT_SHORTCUT = 'Control+Alt+M'

export function SectionComments({ editor, fragment, editable }: SectionCommentsProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const [place, setPlace] = useState<ButtonPlace | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)
  const [body, setBody] = useState('')
  // The proposed wording, while "Tekst voorstellen" is ticked; null: a comment only.
  const [suggestion, setSuggestion] = useState<string | null>(null)
  const suggestionRef = useRef<HTMLTextAreaElement>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()
  const formTitleId = useId()
  // A comment being written exists nowhere else: leaving the page asks first.
  useLeaveGuard(draft !== null && (body.trim() !== '' || (suggestion !== null && suggestion !== draft.suggestable)))

  const canComment = context?.canComment ?? false
  useRestoreOnUndo(editor, fragment)

  const openForm = (range?: { from: number; to: number }): void => {
    if (editor === null || context === null) return
    const { from, to } = range ?? editor.state.selection
    const sectionId = context.store.sectionIdOf(fragment)
    if (from >= to || sectionId === null) return
    const anchor = anchorFromRange(editor.state, from, to)
    if (anchor === null) return
    const quote = rangeText(editor.state.doc, from, to).slice(0, COMMENT_LIMITS.quoteChars)
    setDraft({ sectionId, anchor, quote, suggestable: suggestableText(editor.state.doc, from, to) })
    setSuggestion(null)
    setError(null)
    setPlace(null)
    requestAnimationFrame(() => fieldRef.current?.focus())
  }
  const openFormRef = useRef(openForm)
  openFormRef.current = openForm

  // Show the button beside a non-empty selection; the keyboard shortcut works wherever the editor has focus.
  useEffect(() => {
    if (editor === null || !canComment) return
    const dom = editor.view.dom
    const update = (): void => {
      const { from, to, empty } = editor.state.selection
      if (empty) {
        setPlace(null)
        return
      }
      // Positioned in the section's editor box (position: relative in comments.css).
      const box = rootRef.current?.parentElement?.getBoundingClientRect()
      // A read-only editor keeps its last selection when the person selects elsewhere: follow the DOM.
      const selection = dom.ownerDocument.getSelection()
      const selectedHere = selection !== null && selection.rangeCount > 0 && dom.contains(selection.anchorNode)
      const onButton = buttonRef.current !== null && dom.ownerDocument.activeElement === buttonRef.current
      if (box === undefined || editor.isDestroyed || (!selectedHere && !onButton)) {
        setPlace(null)
        return
      }
      if (rangeText(editor.state.doc, from, to).trim() === '') {
        setPlace(null)
        return
      }
      const end = editor.view.coordsAtPos(to)
      setPlace({ top: end.bottom - box.top + 4, left: Math.max(0, Math.min(end.left - box.left, box.width - 160)) })
    }
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (!(event.ctrlKey || event.metaKey) || !event.altKey || event.code !== 'KeyM') return
      event.preventDefault()
      openFormRef.current()
    }
    editor.on('selectionUpdate', update)
    editor.on('transaction', update)
    dom.ownerDocument.addEventListener('selectionchange', update)
    dom.addEventListener('keydown', handleKeyDown)
    return () => {
      editor.off('selectionUpdate', update)
      editor.off('transaction', update)
      dom.ownerDocument.removeEventListener('selectionchange', update)
      dom.removeEventListener('keydown', handleKeyDown)
    }
  }, [editor, canComment])

  const close = (): void => {
    setDraft(null)
    setBody('')
    setSuggestion(null)
    setError(null)
    if (editor?.isEditable) editor.commands.focus()
    else rootRef.current?.closest('section')?.querySelector<HTMLElement>('[data-testid="section-title"]')?.focus()
  }

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    if (draft === null || context === null || busy) return
    const text = body.trim()
    if (text === '') {
      setError(t('place.empty'))
      fieldRef.current?.focus()
      return
    }
    if (suggestion !== null && suggestion === draft.suggestable) {
      setError(t('place.suggestionUnchanged'))
      suggestionRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      const thread = await createThread(context.documentId, {
        ...draft,
        body: text,
        mentions: mentionsIn(text, context.members),
        ...(suggestion === null ? {} : { suggestion }),
      })
      setDraft(null)
      setBody('')
      setSuggestion(null)
      // Collapse the selection so the new highlight shows (and the button goes away).
      if (editor !== null && !editor.isDestroyed) editor.commands.setTextSelection(editor.state.selection.to)
      if (editor?.isEditable) {
        context.store.setActive(thread.id)
        editor.commands.focus()
      } else context.store.setActive(thread.id, { focusCard: true })
    } catch (failure) {
      setError(apiErrorText(t, i18n, failure, t('place.failed')))
    } finally {
      setBusy(false)
    }
  }

  if (context === null || !canComment) return null

  return (
    <div ref={rootRef} className="section-comments">
      {place !== null && draft === null && (
        <Button
          ref={buttonRef}
          appearance="primary-action-button"
          className="comment-button"
          data-testid="comment-button"
          style={{ top: place.top, left: place.left }}
          aria-keyshortcuts={COMMENT_SHORTCUT}
          title={t('place.buttonHint')}
          // Keep the editor's selection: the button must not take it away before it is read.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => openForm()}
        >
          {t('place.button')}
        </Button>
      )}
      {!editable && draft === null && editor !== null && (
        // A comment on the whole text of a section that cannot be edited, in one step.
        <Button
          appearance="subtle-button"
          className="comment-section-button"
          data-testid="comment-section-button"
          onClick={() => {
            const range = wholeText(editor)
            if (range !== null) openForm(range)
          }}
        >
          {t('place.wholeSection')}
        </Button>
      )}
      {draft !== null && (
        <form
          className="comment-form"
          data-testid="comment-form"
          aria-labelledby={formTitleId}
          onSubmit={(event) => void submit(event)}
          noValidate
        >
          <h3 id={formTitleId} className="comment-form__title">
            {t('place.formTitle')}
          </h3>
          <blockquote className="comment-quote">
            <span className="visually-hidden">{t('place.quote')} </span>
            <span translate="no">{draft.quote}</span>
          </blockquote>
          <MentionTextarea
            ref={fieldRef}
            value={body}
            onChange={setBody}
            members={context.members}
            label={suggestion === null ? t('place.field') : t('place.explanationField')}
            onSubmit={() => void submit()}
            onCancel={close}
            invalid={error !== null}
            describedBy={error !== null ? errorId : undefined}
          />
          {draft.suggestable !== null && (
            <div className="comment-form__suggest">
              <label className="comment-form__check">
                <input
                  type="checkbox"
                  data-testid="comment-suggest"
                  checked={suggestion !== null}
                  onChange={(event) => {
                    setSuggestion(event.target.checked ? draft.suggestable : null)
                    setError(null)
                    if (event.target.checked) requestAnimationFrame(() => suggestionRef.current?.select())
                  }}
                />{' '}
                {t('place.suggest')}
              </label>
              {suggestion !== null && (
                <LabelledField label={t('place.suggestionField')} hint={t('place.suggestHint')}>
                  {(control) => (
                    <Textarea
                      {...control}
                      ref={suggestionRef}
                      data-testid="comment-suggestion"
                      rows={3}
                      lang="nl"
                      maxLength={COMMENT_LIMITS.suggestionChars}
                      value={suggestion}
                      // One paragraph: a line break becomes a space (Enter does not start a new line).
                      onChange={(event) => setSuggestion(event.target.value.replace(/\r?\n/g, ' '))}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault()
                        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
                        if (event.key === 'Escape') close()
                      }}
                    />
                  )}
                </LabelledField>
              )}
            </div>
          )}
          <FormError id={errorId} message={error} />
          <div className="comment-form__buttons">
            <Button type="submit" appearance="primary-action-button" data-testid="comment-submit" disabled={busy}>
              {busy ? t('place.busy') : t('place.submit')}
            </Button>
            <Button appearance="secondary-action-button" onClick={close}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      )}
    </div>
  )
}

/** From the first to the last character of the editor's text; null when there is no text. */
function wholeText(editor: Editor): { from: number; to: number } | null {
  let from = -1
  let to = -1
  editor.state.doc.descendants((node, pos) => {
    if (!node.isText) return
    if (from < 0) from = pos
    to = pos + node.nodeSize
  })
  return from < 0 ? null : { from, to }
}
