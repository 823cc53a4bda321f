// Where the caret is in a section's text, kept in a form that outlives the editor: after a refusal
// the page replaces every editor with one on the rebuilt document (collab/documentSession), whose
// text is the same, and the user goes on typing where they were. The spot is the index of the text
// block (paragraph, heading, list paragraph, code block) and the characters before the caret in it;
// the text of widgets such as other people's named carets does not count.
export interface CaretSpot {
  readonly section: string
  readonly block: number
  readonly offset: number
}

const EDITOR = '[data-testid="section-content"] .ProseMirror'
const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, pre'

/** The caret in the focused section editor, or null when no section editor has the focus. */
export function captureCaretSpot(owner: Document): CaretSpot | null {
  const editor = owner.activeElement
  const selection = owner.getSelection()
  if (!(editor instanceof HTMLElement) || !editor.matches(EDITOR) || selection?.focusNode == null) return null
  const section = editor.closest('[data-section-id]')?.getAttribute('data-section-id')
  const focus = selection.focusNode
  const block = (focus instanceof Element ? focus : focus.parentElement)?.closest(TEXT_BLOCKS)
  if (!section || !block || !editor.contains(block)) return null
  const before = owner.createRange()
  before.setStart(block, 0)
  before.setEnd(focus, selection.focusOffset)
  let offset = 0
  for (const text of textNodes(block)) {
    if (text === focus) {
      offset += selection.focusOffset
      break
    }
    // A text that ends after the caret starts at or after it (the caret is not inside it).
    if (before.comparePoint(text, text.length) > 0) break
    offset += text.length
  }
  return { section, block: [...editor.querySelectorAll(TEXT_BLOCKS)].indexOf(block), offset }
}

/**
 * Focuses the section's editor and puts the caret on the spot (clamped to the text there now).
 * False when the editor is not in the page (yet).
 */
export function placeCaret(owner: Document, spot: CaretSpot): boolean {
  const editor = owner.querySelector<HTMLElement>(
    `[data-testid="section"][data-section-id="${CSS.escape(spot.section)}"] ${EDITOR}[contenteditable="true"]`,
  )
  const blocks = editor?.querySelectorAll(TEXT_BLOCKS) ?? []
  const block = blocks[Math.min(Math.max(spot.block, 0), blocks.length - 1)]
  if (!editor || !block) return false
  editor.focus()
  let left = spot.offset
  let last: Text | null = null
  for (const text of textNodes(block)) {
    if (left <= text.length) {
      owner.getSelection()?.collapse(text, left)
      return true
    }
    left -= text.length
    last = text
  }
  if (last) owner.getSelection()?.collapse(last, last.length)
  else owner.getSelection()?.collapse(block, 0)
  return true
}

/** The block's own text nodes, in order, without those of widgets (contenteditable="false"). */
function* textNodes(block: Element): Generator<Text> {
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (node instanceof Text && node.parentElement?.closest('[contenteditable="false"]') == null) yield node
  }
}
