// Binds a plain one-line field (an <input>, or a <textarea> that wraps a long title) to a Y.Text, both
// ways. Local input is applied as one delete + insert found by comparing the old and new value (common
// prefix and suffix); a remote change replaces the value and keeps the caret where it was in the text,
// by way of Y.RelativePositions captured just before the remote transaction is applied. A title is one
// line: line breaks (a paste into a textarea keeps them) become spaces.
import * as Y from 'yjs'

export type TitleField = HTMLInputElement | HTMLTextAreaElement

const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029]/g

/** The value as one line. */
export function oneLine(value: string): string {
  return value.replace(LINE_BREAKS, ' ')
}

export function bindTitleInput(input: TitleField, text: Y.Text, onValue: () => void = () => {}): () => void {
  const doc = text.doc
  if (doc === null) throw new Error('bindTitleInput needs a Y.Text that is part of a document')
  /** Origin of our own transactions, so the observer can tell them apart. */
  const origin = { binding: 'title-input' }
  let caret: { start: Y.RelativePosition; end: Y.RelativePosition; direction: 'forward' | 'backward' | 'none' } | null =
    null

  input.value = text.toString()
  onValue()

  const handleInput = (): void => {
    const value = oneLine(input.value)
    if (value !== input.value) {
      // Same length (one space per break, \r\n aside): the caret stays where the user left it.
      const { selectionStart, selectionEnd } = input
      input.value = value
      if (selectionStart !== null && selectionEnd !== null) input.setSelectionRange(selectionStart, selectionEnd)
    }
    applyTextChange(text, value, origin)
    onValue()
  }

  const handleBeforeTransaction = (transaction: Y.Transaction): void => {
    caret = null
    if (transaction.origin === origin || input.ownerDocument.activeElement !== input) return
    // assoc -1: the caret sticks to the character on its left, so text someone else inserts right
    // at the caret lands after it and one's own typing continues where it was.
    caret = {
      start: Y.createRelativePositionFromTypeIndex(text, input.selectionStart ?? 0, -1),
      end: Y.createRelativePositionFromTypeIndex(text, input.selectionEnd ?? 0, -1),
      direction: input.selectionDirection ?? 'none',
    }
  }

  const handleChange = (_event: Y.YTextEvent, transaction: Y.Transaction): void => {
    if (transaction.origin === origin) return
    const value = text.toString()
    if (input.value === value) return
    input.value = value
    onValue()
    if (caret === null) return
    const start = Y.createAbsolutePositionFromRelativePosition(caret.start, doc)
    const end = Y.createAbsolutePositionFromRelativePosition(caret.end, doc)
    if (start && end) input.setSelectionRange(start.index, end.index, caret.direction)
  }

  input.addEventListener('input', handleInput)
  doc.on('beforeTransaction', handleBeforeTransaction)
  text.observe(handleChange)
  return () => {
    input.removeEventListener('input', handleInput)
    doc.off('beforeTransaction', handleBeforeTransaction)
    text.unobserve(handleChange)
  }
}

/** Turns `text` into `next` with at most one delete and one insert, in one transaction. */
export function applyTextChange(text: Y.Text, next: string, origin: unknown): void {
  const previous = text.toString()
  if (previous === next) return
  const shorter = Math.min(previous.length, next.length)
  let start = 0
  while (start < shorter && previous.charCodeAt(start) === next.charCodeAt(start)) start++
  let end = 0
  while (
    end < shorter - start &&
    previous.charCodeAt(previous.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
  ) {
    end++
  }
  // Never cut a surrogate pair (an emoji, say) in half.
  if (start > 0 && isHighSurrogate(previous.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(previous.charCodeAt(previous.length - end))) end--
  const removed = previous.length - start - end
  const inserted = next.slice(start, next.length - end)
  const apply = (): void => {
    if (removed > 0) text.delete(start, removed)
    if (inserted.length > 0) text.insert(start, inserted)
  }
  if (text.doc) text.doc.transact(apply, origin)
  else apply()
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
