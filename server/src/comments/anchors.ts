// A thread's anchor must point into the content of the section it is filed under. The relative
// positions are decoded and resolved against the server's document; anything else is refused.

import type { CommentAnchor, SectionView } from '@novex/shared'
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
