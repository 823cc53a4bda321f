// Keeps Tab and Shift+Tab inside a modal dialog. A modal <dialog> makes the page behind it inert, but
// Chromium still lets Tab leave the last control for the browser's own toolbar; a keyboard user
// should go round the dialog instead (WCAG 2.4.3, the ARIA modal dialog pattern). Call it from the
// dialog's keydown handler.
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])'

export function trapFocus(
  dialog: HTMLElement,
  event: KeyboardEvent | { key: string; shiftKey: boolean; preventDefault(): void },
): void {
  if (event.key !== 'Tab') return
  const focusables = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (el) => el.getClientRects().length > 0,
  )
  const first = focusables[0]
  const last = focusables.at(-1)
  if (first === undefined || last === undefined) return
  const active = dialog.ownerDocument.activeElement
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault()
    last.focus()
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault()
    first.focus()
  }
}
