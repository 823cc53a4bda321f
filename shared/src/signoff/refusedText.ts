// What a refused change tried to add: the words in the text the user wanted that the accepted text
// does not have, in order, joined with " … " between separate places. Shown to the user and stored with
// the refused change, so nothing they typed disappears silently.
import { diffWordsWithSpace } from 'diff'

export function refusedText(accepted: string, wanted: string): string {
  const pieces: string[] = []
  let previousWasAdded = false
  for (const part of diffWordsWithSpace(accepted, wanted)) {
    if (part.added) {
      if (previousWasAdded) pieces[pieces.length - 1] += part.value
      else pieces.push(part.value)
      previousWasAdded = true
    } else if (!part.removed) {
      previousWasAdded = false
    }
  }
  return pieces
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0)
    .join(' … ')
}
