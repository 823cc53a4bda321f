// The text a set of changes added to a Y type, read from the structs themselves: every visible
// character whose id the given state vector does not cover. Used to show a user exactly what the
// server refused ("Uw tekst"), without guessing with a diff of two versions: a diff of plain text
// cannot tell a word someone typed from the same word typed by someone else.
import * as Y from 'yjs'

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
    const line = addedPieces(type, known).join(GAP)
    if (line !== '') lines.push(line)
    return
  }
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    // Inline pieces of one block (text around a hard break, say) belong on one line.
    const inline: string[] = []
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        inline.push(...addedPieces(child, known))
      } else if (child instanceof Y.XmlElement && !BLOCKS.has(child.nodeName) && child.length === 0) {
        // A leaf such as a hard break: no text of its own.
      } else if (child instanceof Y.XmlElement) {
        collect(child, known, lines)
      }
    }
    if (inline.length > 0) lines.push(inline.join(GAP))
  }
}

/** The runs of added characters in one text, in order; old visible text between them splits runs. */
function addedPieces(text: Y.Text, known: ReadonlyMap<number, number>): string[] {
  const pieces: string[] = []
  let run = ''
  const close = (): void => {
    const trimmed = run.trim()
    if (trimmed !== '') pieces.push(trimmed)
    run = ''
  }
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue
    if (!(item.content instanceof Y.ContentString)) {
      close()
      continue
    }
    // Yjs merges neighbouring items of one client, so one item can hold old and new characters:
    // character i has clock id.clock + i.
    const firstNew = Math.max(0, (known.get(item.id.client) ?? 0) - item.id.clock)
    const str = item.content.str
    if (firstNew > 0) close()
    if (firstNew < str.length) run += str.slice(firstNew)
  }
  close()
  return pieces
}
