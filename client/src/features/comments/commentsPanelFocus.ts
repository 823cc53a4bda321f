// Where the keyboard goes between the text and the comments panel (useCommentsPanelKeys, the skip
// link "Naar de reacties"): the panel is found by its id, the text by the section editor that holds
// the focus. The card of a thread takes the focus itself (ThreadCard, store.setActive with focusCard).
import { Selection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

/** The id of the comments panel (`<section>`): the target of the skip link "Naar de reacties". */
export const COMMENTS_PANEL_ID = 'reacties'
/** The shortcut between the text and the comments panel (as in aria-keyshortcuts), as in Google Docs. */
export const COMMENTS_PANEL_SHORTCUT = 'Control+Alt+Shift+A'

/** Ctrl+Alt+Shift+A (Cmd+Option+Shift+A on a Mac). By the key's place: Option and Shift change the letter. */
export function isCommentsPanelKey(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.shiftKey && event.code === 'KeyA'
}

export function isInCommentsPanel(element: Element): boolean {
  return element.closest(`#${COMMENTS_PANEL_ID}`) !== null
}

/** The section whose text (its editor) holds `element`; null elsewhere (a title, a button). */
export function sectionOfText(element: Element | null): string | null {
  const editor = element?.closest('.ProseMirror') ?? null
  return editor?.closest('[data-testid="section"]')?.getAttribute('data-section-id') ?? null
}

/** The thread of the card that holds `element`, if any. */
export function threadOfCard(element: Element | null): string | null {
  return element?.closest('[data-testid="comment-thread"]')?.getAttribute('data-thread-id') ?? null
}

/**
 * Escape belongs to these: a form in a card closes on it (the draft is kept), a list or a field
 * handles it first. Everywhere else in the panel it goes back to the text.
 */
export function handlesOwnEscape(element: Element): boolean {
  return element.closest('form, select, textarea, input:not([type="checkbox"]), [role="listbox"]') !== null
}

/** Puts the focus on the panel's heading (it scrolls into view, also below the text on a phone). */
export function focusPanelHeading(): boolean {
  const heading = document.getElementById(COMMENTS_PANEL_ID)?.querySelector<HTMLElement>('h2')
  heading?.focus()
  return heading != null
}

/**
 * Back into a section's text, with the caret where the editor has it (ProseMirror keeps it while the
 * focus is elsewhere) or at `at`, scrolled into view: on a phone the panel is far below the text.
 */
export function focusText(view: EditorView, at?: number): void {
  if (at !== undefined) {
    const position = Math.max(0, Math.min(at, view.state.doc.content.size))
    view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(position))))
  }
  view.focus()
  // A selection-only step: also allowed in text that cannot be changed (editor/readOnlyText.ts).
  view.dispatch(view.state.tr.scrollIntoView())
}
