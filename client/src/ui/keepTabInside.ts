// Keeps Tab and Shift+Tab inside a modal dialog. A native modal <dialog> makes the page behind it
// inert, but Chromium still lets Tab leave the last control for the browser's own interface (and, in
// a headless or embedded browser, for the document body); a person then loses their place. From the
// last control Tab goes to the first, and from the first Shift+Tab goes to the last. Every modal dialog
// of the app uses it as its keydown handler (WCAG 2.4.3, the ARIA modal dialog pattern).
import type { KeyboardEvent } from 'react'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

export function keepTabInside(event: KeyboardEvent<HTMLElement>): void {
  if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey) return
  const container = event.currentTarget
  const focusable = [...container.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.getClientRects().length > 0,
  )
  const first = focusable[0]
  const last = focusable.at(-1)
  if (first === undefined || last === undefined) {
    event.preventDefault()
    return
  }
  const active = container.ownerDocument.activeElement
  if (event.shiftKey && (active === first || !container.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !container.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}
