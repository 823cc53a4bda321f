// "Reactie plaatsen" for one section's editor: a button beside the selected text (also Ctrl+Alt+M in
// the editor), then a small form under the text. The anchor is taken when the form opens, so the
// thread is anchored to what was selected even if the text changes while the comment is typed.
// Works in locked and read-only sections: it only reads the selection and changes no text. For text
// within one paragraph the form also offers "Tekst voorstellen": proposed wording that an author can
// take over in one step (SuggestionBlock.tsx).
// What is typed is kept as a draft on every change (commentDrafts.ts). Escape closes the form and keeps
// it: it waits under the section's text ("Verder schrijven", KeptThreadDrafts) and comes back when the
// form is opened on the same text. A form left open by going to another page is open again on return.
// Only "Plaatsen" and "Annuleren" end a draft.
import { COMMENT_LIMITS } from '@novex/shared'
import { Button, Textarea } from '@rijkshuisstijl-community/components-react'
import type { Editor } from '@tiptap/core'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { createThread } from '../../api/comments.ts'
import { anchorFromRange } from './anchors.ts'
import { apiErrorText } from './apiErrorText.ts'
import { useCommentsContext } from './CommentsContext.ts'
import { type DraftPlace, type DraftText, hasOwnText, type NewThreadTarget, samePlace } from './commentDrafts.ts'
import { rangeText, suggestableText } from './commentRange.ts'
import { mentionsIn } from './commentText.ts'
import { DraftNote, describedByOf } from './DraftNote.tsx'
import { FormError } from './FormError.tsx'
import { KeptThreadDrafts } from './KeptThreadDrafts.tsx'
import { MentionTextarea, type MentionTextareaHandle } from './MentionTextarea.tsx'
import { useRestoreOnUndo } from './useRestoreOnUndo.ts'
import '../../styles/comments.css'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { useFocusRequest } from '../../ui/useFocusRequest.ts'
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

interface ButtonPlace {
  readonly top: number
  readonly left: number
}

export const COMMENT_SHORTCUT = 'Control+Alt+M'

const NO_TEXT: DraftText = { body: '', suggestion: null }
const placeOf = (target: NewThreadTarget): DraftPlace => ({ kind: 'thread', target })
/** A new thread's form opens empty, or with the selected text as the proposal once that is ticked. */
const ownText = (text: DraftText, target: NewThreadTarget): boolean =>
  hasOwnText(text, { body: '', suggestable: target.suggestable })

export function SectionComments({ editor, fragment, editable }: SectionCommentsProps) {
  const { t, i18n } = useTranslation('comments')
  const context = useCommentsContext()
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const fieldRef = useRef<MentionTextareaHandle>(null)
  const focusField = useFocusRequest(fieldRef)
  const [place, setPlace] = useState<ButtonPlace | null>(null)
  // Where the open form is; null while it is closed.
  const [target, setTarget] = useState<NewThreadTarget | null>(null)
  const [body, setBody] = useState('')
  // The proposed wording, while "Tekst voorstellen" is ticked; null: a comment only.
  const [suggestion, setSuggestion] = useState<string | null>(null)
  const suggestionRef = useRef<HTMLTextAreaElement>(null)
  const selectSuggestion = useFocusRequest(suggestionRef, true)
  // The form opened with a kept draft / the browser would not keep the text (DraftNote).
  const [restored, setRestored] = useState(false)
  const [notKept, setNotKept] = useState(false)
  // Said politely once a draft is put aside: the focus goes back to the text, away from the form.
  const [announcement, setAnnouncement] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const errorId = useId()
  const formTitleId = useId()
  const draftNoteId = useId()
  const drafts = context?.drafts ?? null
  const sectionId = context?.store.sectionIdOf(fragment) ?? null
  // Not sent yet: the draft survives another page of the app, but leaving the site or closing the tab
  // asks first all the same, so no one believes a comment was placed that was not.
  useLeaveGuard(target !== null && ownText({ body, suggestion }, target))

  const canComment = context?.canComment ?? false
  useRestoreOnUndo(editor, fragment)

  // A form that was open when the person went to another page (or reloaded) opens again as it was,
  // without taking the focus: they find it where they left it.
  const reopened = useRef(false)
  useEffect(() => {
    if (reopened.current || drafts === null || sectionId === null) return
    reopened.current = true
    const left = drafts.newThreadsIn(sectionId).find((draft) => draft.open)
    if (left?.place.kind !== 'thread') return
    setTarget(left.place.target)
    setBody(left.body)
    setSuggestion(left.suggestion)
    setRestored(true)
  }, [drafts, sectionId])

  /** Shows the form on `next` with `text`; `kept`: the text is a draft kept from before. */
  const show = (next: NewThreadTarget, text: DraftText, kept: boolean): void => {
    setTarget(next)
    setBody(text.body)
    setSuggestion(text.suggestion)
    setRestored(kept)
    setNotKept(false)
    setError(null)
    setPlace(null)
    setAnnouncement('')
    focusField()
  }

  /**
   * Opens the form on `next`, with the draft kept there. A comment being written elsewhere moves along
   * with `moveText` when nothing is kept at `next` and all of it fits there (a proposal needs text that
   * takes one): that is how a comment whose text went is placed on other text ("Selecteer de tekst
   * opnieuw"). Otherwise it is put aside, as with Escape.
   */
  const openAt = (next: NewThreadTarget, moveText: boolean): void => {
    if (drafts === null) return
    if (target !== null && samePlace(placeOf(target), placeOf(next))) {
      fieldRef.current?.focus()
      return
    }
    const kept = drafts.read(placeOf(next))
    const current = { body, suggestion }
    if (target === null || !ownText(current, target)) {
      if (target !== null) drafts.discard(placeOf(target))
      if (kept !== null) drafts.keep(placeOf(next), kept, true)
      show(next, kept ?? NO_TEXT, kept !== null)
      return
    }
    const ownSuggestion = suggestion !== null && suggestion !== target.suggestable
    if (kept === null && moveText && !(ownSuggestion && next.suggestable === null)) {
      drafts.discard(placeOf(target))
      const moved = { body, suggestion: ownSuggestion ? suggestion : null }
      const keptThere = drafts.keep(placeOf(next), moved, true)
      show(next, moved, false)
      setNotKept(!keptThere)
      return
    }
    if (!drafts.keep(placeOf(target), current, false)) {
      setNotKept(true)
      return
    }
    if (kept !== null) drafts.keep(placeOf(next), kept, true)
    show(next, kept ?? NO_TEXT, kept !== null)
  }

  const openForm = (range?: { from: number; to: number }): void => {
    if (editor === null || context === null) return
    const { from, to } = range ?? editor.state.selection
    if (from >= to || sectionId === null) return
    const anchor = anchorFromRange(editor.state, from, to)
    if (anchor === null) return
    const quote = rangeText(editor.state.doc, from, to).slice(0, COMMENT_LIMITS.quoteChars)
    openAt({ sectionId, anchor, quote, suggestable: suggestableText(editor.state.doc, from, to) }, true)
  }

  /** Every change of the form is kept at once: nothing typed waits for a moment to be saved. */
  const change = (text: DraftText): void => {
    setBody(text.body)
    setSuggestion(text.suggestion)
    if (target === null || drafts === null) return
    if (ownText(text, target)) setNotKept(!drafts.keep(placeOf(target), text, true))
    else {
      drafts.discard(placeOf(target))
      setNotKept(false)
    }
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
    setTarget(null)
    setBody('')
    setSuggestion(null)
    setRestored(false)
    setNotKept(false)
    setError(null)
    if (editor?.isEditable) editor.commands.focus()
    else rootRef.current?.closest('section')?.querySelector<HTMLElement>('[data-testid="section-title"]')?.focus()
  }

  // "Annuleren": the person chose to throw it away.
  const discard = (): void => {
    if (target !== null) drafts?.discard(placeOf(target))
    close()
  }

  // Escape: the form closes and what was typed waits under the text (when the browser can keep it).
  const putAside = (): void => {
    if (target === null || drafts === null) return
    if (ownText({ body, suggestion }, target)) {
      if (!drafts.keep(placeOf(target), { body, suggestion }, false)) {
        setNotKept(true)
        return
      }
      close()
      setAnnouncement(t('draft.putAside'))
      return
    }
    drafts.discard(placeOf(target))
    close()
  }

  const submit = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault()
    if (target === null || context === null || busy) return
    const text = body.trim()
    if (text === '') {
      setError(t('place.empty'))
      fieldRef.current?.focus()
      return
    }
    if (suggestion !== null && suggestion === target.suggestable) {
      setError(t('place.suggestionUnchanged'))
      suggestionRef.current?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      const thread = await createThread(context.documentId, {
        ...target,
        body: text,
        mentions: mentionsIn(text, context.members),
        ...(suggestion === null ? {} : { suggestion }),
      })
      drafts?.discard(placeOf(target))
      setTarget(null)
      setBody('')
      setSuggestion(null)
      setRestored(false)
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
  // The drafts of this section that wait, not the one in the form.
  const waiting = (sectionId === null ? [] : context.drafts.newThreadsIn(sectionId)).flatMap((draft) =>
    draft.place.kind === 'thread' && (target === null || !samePlace(draft.place, placeOf(target)))
      ? [{ draft, target: draft.place.target }]
      : [],
  )

  return (
    <div ref={rootRef} className="section-comments">
      {place !== null && target === null && (
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
      {!editable && target === null && editor !== null && (
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
      {target !== null && (
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
            <span translate="no">{target.quote}</span>
          </blockquote>
          <MentionTextarea
            ref={fieldRef}
            value={body}
            onChange={(value) => change({ body: value, suggestion })}
            members={context.members}
            label={suggestion === null ? t('place.field') : t('place.explanationField')}
            onSubmit={() => void submit()}
            onEscape={putAside}
            invalid={error !== null}
            describedBy={describedByOf(draftNoteId, { restored, notKept }, errorId, error)}
          />
          <DraftNote id={draftNoteId} restored={restored} notKept={notKept} />
          {target.suggestable !== null && (
            <div className="comment-form__suggest">
              <label className="comment-form__check">
                <input
                  type="checkbox"
                  data-testid="comment-suggest"
                  checked={suggestion !== null}
                  onChange={(event) => {
                    change({ body, suggestion: event.target.checked ? target.suggestable : null })
                    setError(null)
                    if (event.target.checked) selectSuggestion()
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
                      onChange={(event) => change({ body, suggestion: event.target.value.replace(/\r?\n/g, ' ') })}
                      onKeyDown={(event) => {
                        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault()
                        if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit()
                        if (event.key === 'Escape') putAside()
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
            <Button appearance="secondary-action-button" onClick={discard}>
              {t('common:cancel')}
            </Button>
          </div>
        </form>
      )}
      <KeptThreadDrafts drafts={waiting} onContinue={(kept) => openAt(kept, false)} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
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
