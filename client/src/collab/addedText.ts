// The text a set of changes added to a Y type, read from the structs themselves: every visible
// character whose id the given state vector does not cover. Used to show a user exactly what the
// server refused ("Uw tekst"), without guessing with a diff of two versions: a diff of plain text
// cannot tell a word someone typed from the same word typed by someone else. A section link the changes
// added holds no text, yet it is part of what the user did: it stands in the text as a mark
// (addedLink.ts) that the page names in its language (features/connection/refusedLinkText.ts).
import { SECTION_LINK_NODE, withoutLinkMarkChars } from '@novex/shared'
import * as Y from 'yjs'
import { addedLinkMark } from './addedLink.ts'

/** Block elements that start a new line in the plain text. */
const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])

export type AddedTextSource = Y.Text | Y.XmlElement | Y.XmlFragment

/** Separates two added pieces of one paragraph that have older text between them. */
export const GAP = ' … '

/**
 * The added text of a Y.Text, Y.XmlText, Y.XmlElement or Y.XmlFragment: pieces of one paragraph are
 * joined with GAP, paragraphs with a newline; whitespace around a piece is trimmed.
 */
export function addedText(type: AddedTextSource, known: ReadonlyMap<number, number>): string {
  const lines: string[] = []
  collect(type, known, lines)
  return lines.join('\n')
}

function collect(type: AddedTextSource, known: ReadonlyMap<number, number>, lines: string[]): void {
  if (type instanceof Y.Text) {
    // Y.XmlText extends Y.Text: one paragraph's text.
    const line = trimmed(addedPieces(type, known).pieces).join(GAP)
    if (line !== '') lines.push(line)
    return
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    // Inline pieces of one block (text around a hard break or a link, say) belong on one line. Pieces
    // with no older text between them (a link and the words typed around it) are one piece.
    const inline: string[] = []
    let open = false
    const add = (piece: AddedPieces): void => {
      const [first, ...rest] = piece.pieces
      if (first !== undefined && open && piece.fromStart && inline.length > 0) inline[inline.length - 1] += first
      else if (first !== undefined) inline.push(first)
      inline.push(...rest)
      if (piece.pieces.length > 0) open = piece.toEnd
      else if (!piece.empty) open = false
    }
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        add(addedPieces(child, known))
      } else if (child instanceof Y.XmlElement && child.nodeName === SECTION_LINK_NODE) {
        const mark = isAdded(child, known) ? addedLinkMark(child) : null
        add(mark === null ? { pieces: [], fromStart: false, toEnd: false, empty: false } : whole(mark))
      } else if (child instanceof Y.XmlElement && !BLOCKS.has(child.nodeName) && child.length === 0) {
        // A leaf such as a hard break: no text of its own. Added, it keeps the words around it apart.
        if (open && isAdded(child, known)) inline[inline.length - 1] += ' '
        else open = false
      } else if (child instanceof Y.XmlElement) {
        collect(child, known, lines)
        open = false
      }
    }
    const line = trimmed(inline).join(GAP)
    if (line !== '') lines.push(line)
  }
}

/** Added runs of one text: untrimmed, so that neighbours can be joined as they stand. */
interface AddedPieces {
  readonly pieces: readonly string[]
  /** No older visible text before the first piece. */
  readonly fromStart: boolean
  /** No older visible text after the last piece. */
  readonly toEnd: boolean
  /** The text shows nothing at all. */
  readonly empty: boolean
}

const whole = (piece: string): AddedPieces => ({ pieces: [piece], fromStart: true, toEnd: true, empty: false })

const trimmed = (pieces: readonly string[]): string[] => pieces.map((p) => p.trim()).filter((p) => p !== '')

/** Whether the element itself is one the changes added (its struct is not covered by `known`). */
function isAdded(element: Y.XmlElement, known: ReadonlyMap<number, number>): boolean {
  const item = element._item
  return item !== null && item.id.clock >= (known.get(item.id.client) ?? 0)
}

/** The runs of added characters in one text, in order; old visible text between them splits runs. */
function addedPieces(text: Y.Text, known: ReadonlyMap<number, number>): AddedPieces {
  const pieces: string[] = []
  let run = ''
  let seenOld = false
  let fromStart = false
  let oldAfterNew = false
  let empty = true
  const close = (): void => {
    if (run !== '') pieces.push(run)
    run = ''
  }
  const old = (): void => {
    close()
    seenOld = true
    oldAfterNew = true
  }
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    empty = false
    if (!(item.content instanceof Y.ContentString)) {
      old()
      continue
    }
    // Yjs merges neighbouring items of one client, so one item can hold old and new characters:
    // character i has clock id.clock + i.
    const firstNew = Math.max(0, (known.get(item.id.client) ?? 0) - item.id.clock)
    const str = item.content.str
    if (firstNew > 0) old()
    if (firstNew < str.length) {
      if (pieces.length === 0 && run === '') fromStart = !seenOld
      // Typed text never forms a link mark (addedLink.ts).
      run += withoutLinkMarkChars(str.slice(firstNew))
      oldAfterNew = false
    }
  }
  close()
  return { pieces, fromStart, toEnd: pieces.length > 0 && !oldAfterNew, empty }
}
