// How someone else's caret looks: a coloured bar with their name above it (class names as in
// Tiptap's default, styled in editor.css).
//
// The name sits in a shadow root, not in a text node of the editor: the caret is a widget inside the
// contenteditable, and a plain text node would leak the name into the section's text as the DOM
// reports it (textContent, copy and paste, screen readers reading the paragraph). The caret itself is
// hidden from assistive technology for the same reason; the presence list says who is where.

const VALID_COLOR = /^#[0-9a-f]{6}$/i
const FALLBACK_COLOR = '#4f5459'

export interface CaretUser {
  readonly name?: unknown
  readonly color?: unknown
}

export function renderCaret(user: CaretUser): HTMLElement {
  const color = typeof user.color === 'string' && VALID_COLOR.test(user.color) ? user.color : FALLBACK_COLOR
  const name = typeof user.name === 'string' && user.name.trim() !== '' ? user.name : 'Onbekend'
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = color
  caret.setAttribute('aria-hidden', 'true')
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = color
  label.attachShadow({ mode: 'open' }).textContent = name
  caret.append(label)
  return caret
}
