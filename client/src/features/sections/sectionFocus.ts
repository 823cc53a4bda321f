// Keeping keyboard focus where the user is when a section moves or disappears. React moves DOM nodes
// on reorder, and a moved node can lose focus; we put it back on the same element, with the same
// text selection for a text field such as a title (a Tiptap editor restores its own selection on focus).

export interface FocusSnapshot {
  restore(): void
}

export function snapshotFocus(ownerDocument: Document): FocusSnapshot {
  const active = ownerDocument.activeElement
  if (!(active instanceof HTMLElement) || active === ownerDocument.body) return { restore: () => {} }
  const field = active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement ? active : null
  const range =
    field !== null
      ? { start: field.selectionStart, end: field.selectionEnd, direction: field.selectionDirection }
      : null
  return {
    restore() {
      if (!active.isConnected) return
      if (ownerDocument.activeElement !== active) {
        active.focus({ preventScroll: true })
        if (field !== null && range !== null && range.start !== null && range.end !== null) {
          field.setSelectionRange(range.start, range.end, range.direction ?? 'none')
        }
      }
      active.scrollIntoView({ block: 'nearest' })
    },
  }
}

/**
 * After React has committed the new order: a change made in an event handler is rendered before the
 * next task (a timeout, unlike an animation frame, also runs in a background tab).
 */
export function afterRender(fn: () => void): void {
  setTimeout(fn, 0)
}

/** Where focus goes when a section is deleted: the previous section's title, else the next one's, else `fallback`. */
export function focusTargetAfterDelete(section: HTMLElement, fallbackSelector: string): HTMLElement | null {
  const all = [...section.ownerDocument.querySelectorAll<HTMLElement>('[data-testid="section"]')]
  const index = all.indexOf(section)
  const titleOf = (el: HTMLElement | undefined): HTMLElement | null =>
    el?.querySelector<HTMLElement>('[data-testid="section-title"]') ?? null
  // Skip the section's own subsections: they go with it.
  const after = all.slice(index + 1).find((el) => !section.parentElement?.contains(el))
  return titleOf(all[index - 1]) ?? titleOf(after) ?? section.ownerDocument.querySelector<HTMLElement>(fallbackSelector)
}
