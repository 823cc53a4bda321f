// How someone else's caret looks: a coloured bar with a label above it that names the person and the
// kind of organisation they write for ("Bram Jansen · Provincie"). Colour is never the only cue
// (WCAG 1.4.1): the label is always shown, and the bar's line style differs per organisation kind
// (solid for the Rijk, dashed for a province, dotted for others), so two carets of the same colour
// still tell apart. Class names as in Tiptap's default, styled in editor.css.
//
// The label sits in a shadow root, not in a text node of the editor: the caret is a widget inside the
// contenteditable, and a plain text node would leak the name into the section's text as the DOM
// reports it (textContent, copy and paste, screen readers reading the paragraph). The caret itself is
// hidden from assistive technology for the same reason; the presence list says who is where.
import { isOrganisationKind, type OrganisationKind } from '@novex/shared'

const VALID_COLOR = /^#[0-9a-f]{6}$/i
const FALLBACK_COLOR = '#4f5459'

export interface CaretUser {
  readonly name?: unknown
  readonly color?: unknown
  readonly organisationKind?: unknown
}

/** The interface texts a caret needs, in the current language. */
export interface CaretLabels {
  readonly unknownName: string
  readonly kind: (kind: OrganisationKind) => string
}

export function renderCaret(user: CaretUser, labels: CaretLabels): HTMLElement {
  const color = typeof user.color === 'string' && VALID_COLOR.test(user.color) ? user.color : FALLBACK_COLOR
  const name = typeof user.name === 'string' && user.name.trim() !== '' ? user.name : labels.unknownName
  const kind = isOrganisationKind(user.organisationKind) ? user.organisationKind : null
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = color
  caret.setAttribute('aria-hidden', 'true')
  if (kind !== null) caret.dataset.kind = kind
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = color
  label.attachShadow({ mode: 'open' }).textContent = kind === null ? name : `${name} · ${labels.kind(kind)}`
  caret.append(label)
  return caret
}
