// What a comment's range holds, for text and for images (a map, a figure) alike. An image is a block
// leaf without text, so ProseMirror's plain text skips it: here it reads as its description, the same
// words a section's plain text uses (@novex/shared imagePlainText). So a range that holds only a map
// can be commented on, quoted ("[Afbeelding: …]") and told apart from a range whose content went.
import { COMMENT_LIMITS, IMAGE_NODE, imagePlainText } from '@novex/shared'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { NodeSelection, type Selection, TextSelection } from '@tiptap/pm/state'

const leafText = (node: ProseMirrorNode): string =>
  node.type.name === IMAGE_NODE ? imagePlainText(node.attrs.alt, node.attrs.caption) : ' '

/** The text between from and to, images as their description, blocks apart by `blockSeparator`. */
export function rangeText(doc: ProseMirrorNode, from: number, to: number, blockSeparator = '\n'): string {
  return doc.textBetween(from, to, blockSeparator, leafText)
}

/** Whether the range holds any text or an image (not only block boundaries). */
export function hasContent(doc: ProseMirrorNode, from: number, to: number): boolean {
  if (from >= to) return false
  let found = doc.textBetween(from, to, '', '') !== ''
  if (!found) {
    doc.nodesBetween(from, to, (node) => {
      if (node.type.name === IMAGE_NODE) found = true
      return !found
    })
  }
  return found
}

/** The images that lie wholly inside from..to, by their position. */
export function imagesIn(doc: ProseMirrorNode, from: number, to: number): number[] {
  const found: number[] = []
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name === IMAGE_NODE && pos >= from && pos + node.nodeSize <= to) found.push(pos)
    return true
  })
  return found
}

/** The selection that shows from..to: the image itself when that is all the range holds. */
export function selectionOf(doc: ProseMirrorNode, from: number, to: number): Selection {
  const node = doc.nodeAt(from)
  if (node?.type.name === IMAGE_NODE && from + node.nodeSize === to) return NodeSelection.create(doc, from)
  // Ends at a block boundary (before or after an image) move to the nearest text.
  return TextSelection.between(doc.resolve(from), doc.resolve(to))
}

/**
 * The text a suggestion could replace: plain text inside one paragraph (or heading, or table cell
 * paragraph), no image, link to a section or line break, at most the quote's length. Null otherwise; the
 * server holds the same rule.
 */
export function suggestableText(doc: ProseMirrorNode, from: number, to: number): string | null {
  if (from >= to) return null
  const $from = doc.resolve(from)
  const $to = doc.resolve(to)
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return null
  let plain = true
  doc.nodesBetween(from, to, (node) => {
    if (node !== $from.parent && !node.isText) plain = false
    return plain
  })
  const text = doc.textBetween(from, to)
  return plain && text.trim() !== '' && text.length <= COMMENT_LIMITS.quoteChars ? text : null
}
