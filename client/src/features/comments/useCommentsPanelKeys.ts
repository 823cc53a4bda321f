// Between the text and the comments panel with the keyboard (Google Docs' key for its comments):
// Ctrl+Alt+Shift+A in a section's text goes to the card of the comment at the caret (the thread
// becomes active; a filter that hides it is reset), elsewhere to the panel's heading. The same keys
// in the panel, or Escape there (outside a form or a field, which close on Escape themselves), go
// back to the text the user was last in, with the caret where it was; someone who came to the panel
// another way (Tab, the skip link) goes to the text of the card's thread. A modal dialog keeps the
// keys to itself.
import { useEffect, useRef } from 'react'
import {
  focusPanelHeading,
  focusText,
  handlesOwnEscape,
  isCommentsPanelKey,
  isInCommentsPanel,
  sectionOfText,
  threadOfCard,
} from './commentsPanelFocus.ts'
import type { CommentsStore } from './commentsStore.ts'
import { threadAtCaret } from './threadAtCaret.ts'

export function useCommentsPanelKeys(store: CommentsStore | null): void {
  // The section whose text had the focus last: where the way back goes.
  const lastText = useRef<string | null>(null)

  useEffect(() => {
    if (store === null) return
    const toPanel = (from: Element | null): void => {
      const sectionId = sectionOfText(from)
      const view = sectionId === null ? undefined : store.viewOf(sectionId)
      if (sectionId !== null && view !== undefined) {
        const { threads, anchors, activeThreadId } = store.getSnapshot()
        const { from: start, to } = view.state.selection
        const threadId = threadAtCaret(threads, anchors, { sectionId, from: start, to }, activeThreadId)
        if (threadId !== null) {
          store.setActive(threadId, { focusCard: true })
          return
        }
      }
      focusPanelHeading()
    }
    /** False when there is no text to go back to. */
    const backToText = (from: Element): boolean => {
      const last = lastText.current === null ? undefined : store.viewOf(lastText.current)
      if (last !== undefined && !last.isDestroyed) {
        focusText(last)
        return true
      }
      const { threads, anchors, activeThreadId } = store.getSnapshot()
      const thread = threads.find((t) => t.id === (threadOfCard(from) ?? activeThreadId))
      const place = thread === undefined ? undefined : anchors.get(thread.id)
      const view = thread === undefined ? undefined : store.viewOf(thread.sectionId)
      if (view === undefined || place?.kind !== 'range') return false
      focusText(view, place.from)
      return true
    }

    const onFocusIn = (event: FocusEvent): void => {
      const sectionId = sectionOfText(event.target instanceof Element ? event.target : null)
      if (sectionId !== null) lastText.current = sectionId
    }
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented) return
      const target = event.target instanceof Element ? event.target : null
      if (isCommentsPanelKey(event)) {
        if (target?.closest('dialog') != null) return
        event.preventDefault()
        if (event.repeat) return
        if (target !== null && isInCommentsPanel(target)) backToText(target)
        else toPanel(target)
        return
      }
      if (event.key !== 'Escape' || target === null || !isInCommentsPanel(target) || handlesOwnEscape(target)) return
      if (backToText(target)) event.preventDefault()
    }
    window.addEventListener('focusin', onFocusIn)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener('focusin', onFocusIn)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [store])
}
