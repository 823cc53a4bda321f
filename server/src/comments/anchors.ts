// A thread's anchor must point into the content of the section it is filed under. The relative
// positions are decoded and resolved against the server's document; anything else is refused.

import { type CommentAnchor, IMAGE_NODE, imagePlainText, isDeletedType, type SectionView } from '@novex/shared'
import * as Y from 'yjs'
import { ApiError } from '../api/respond.ts'

const invalid = (): ApiError =>
  new ApiError(
    400,
    'invalid_anchor',
    'De gekozen tekst is niet (meer) te vinden in dit onderdeel. Selecteer de tekst opnieuw.',
  )

export function decodeAnchorPart(base64: string): Y.RelativePosition {
  try {
    return Y.decodeRelativePosition(new Uint8Array(Buffer.from(base64, 'base64')))
  } catch {
    throw invalid()
  }
}

function isInside(type: Y.AbstractType<unknown>, content: Y.XmlFragment): boolean {
  let current: Y.AbstractType<unknown> | null = type
  for (let depth = 0; current !== null && depth < 64; depth++) {
    if (current === content) return true
    const parent: unknown = current._item?.parent
    current = parent instanceof Y.AbstractType ? parent : null
  }
  return false
}

/** Checks both ends resolve into the section's content, start not after end. */
export function checkAnchor(
  doc: Y.Doc,
  section: SectionView,
  anchor: CommentAnchor,
): { readonly start: Y.AbsolutePosition; readonly end: Y.AbsolutePosition } {
  const resolve = (part: string): Y.AbsolutePosition => {
    let absolute: Y.AbsolutePosition | null = null
    try {
      absolute = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPart(part), doc)
    } catch {
      throw invalid()
    }
    if (!absolute || !isInside(absolute.type, section.content)) throw invalid()
    return absolute
  }
  const start = resolve(anchor.start)
  const end = resolve(anchor.end)
  if (start.type === end.type && start.index > end.index) throw invalid()
  return { start, end }
}

/**
 * The plain text between two resolved anchor ends inside one paragraph: what a text suggestion may
 * replace. Null when the ends lie in different paragraphs, or the range holds anything but text (an
 * image, a link to a section, a line break).
 */
export function paragraphText(start: Y.AbsolutePosition, end: Y.AbsolutePosition): string | null {
  if (start.type !== end.type || !(start.type instanceof Y.XmlText)) return null
  let text = ''
  let at = 0
  for (const op of start.type.toDelta() as { insert: unknown }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    const from = Math.max(start.index, at)
    const to = Math.min(end.index, at + length)
    if (from < to) {
      if (typeof op.insert !== 'string') return null
      text += op.insert.slice(from - at, to - at)
    }
    at += length
    if (at >= end.index) break
  }
  return text
}

type XmlNode = Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook

/**
 * What a range reads: its characters, and a map or figure inside it as its description, the way a client
 * quotes it ("[Afbeelding: …]"), without the white space a page puts between blocks (compare it with
 * `readsAsQuote`). Null when the end does not follow the start in the section's content.
 */
export function rangeText(content: Y.XmlFragment, start: Y.AbsolutePosition, end: Y.AbsolutePosition): string | null {
  let words = ''
  let inside = false
  let done = false
  /** Passes the place `index` in `type`: where the range starts or ends. */
  const at = (type: object, index: number): void => {
    if (!inside && type === start.type && index === start.index) inside = true
    if (inside && type === end.type && index === end.index) done = true
  }
  const walk = (node: XmlNode): void => {
    if (node instanceof Y.XmlText) {
      let index = 0
      for (const op of node.toDelta() as { insert: unknown }[]) {
        const text = typeof op.insert === 'string' ? op.insert : null
        for (let k = 0; k < (text?.length ?? 1); k++) {
          at(node, index)
          if (done) return
          if (inside && text !== null) words += text[k]
          index++
        }
      }
      at(node, index)
      return
    }
    if (node instanceof Y.XmlHook) return
    const children = node.toArray()
    for (let i = 0; i < children.length && !done; i++) {
      at(node, i)
      if (done) return
      const child = children[i] as XmlNode
      if (child instanceof Y.XmlElement && child.nodeName === IMAGE_NODE) {
        if (inside) words += imagePlainText(child.getAttribute('alt'), child.getAttribute('caption'))
      } else walk(child)
    }
    if (!done) at(node, children.length)
  }
  walk(content)
  return done ? words : null
}

/** Whether a thread's anchor has lost its text: an end gone, or nothing but white space left between them. */
export function anchorLost(doc: Y.Doc, section: SectionView, anchor: CommentAnchor): boolean {
  let range: ReturnType<typeof checkAnchor>
  try {
    range = checkAnchor(doc, section, anchor)
  } catch {
    return true
  }
  if (isDeletedType(range.start.type) || isDeletedType(range.end.type)) return true
  const text = rangeText(section.content, range.start, range.end)
  return text === null || text.trim() === ''
}
