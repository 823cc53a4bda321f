import type { EditorView } from '@tiptap/pm/view'

/**
 * Scrolls the page so that the text at `pos` is in the upper part of the window, as "Toon in de
 * tekst" does, but leaves the editor's selection and the focus alone.
 */
export function scrollToText(view: EditorView, pos: number): void {
  const { top } = view.coordsAtPos(pos)
  window.scrollBy({ top: top - window.innerHeight / 3 })
}
