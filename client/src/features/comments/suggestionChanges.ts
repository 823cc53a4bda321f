// What a text suggestion changes in the quoted text, word by word (jsdiff), as a reader takes it in: a
// space between two changed words belongs to the change, so "fors omlaag" → "in 2030 gehalveerd worden"
// reads as one phrase removed and one added, not as four pieces around a kept space.
import type { DiffPart } from '@novex/shared'
import { diffWordsWithSpace } from 'diff'

const isChange = (part: DiffPart | undefined): boolean => part?.added === true || part?.removed === true

export function suggestionChanges(quote: string, proposed: string): DiffPart[] {
  const parts: DiffPart[] = diffWordsWithSpace(quote, proposed).map((change) =>
    change.added
      ? { value: change.value, added: true }
      : change.removed
        ? { value: change.value, removed: true }
        : { value: change.value },
  )
  const out: DiffPart[] = []
  let removed = ''
  let added = ''
  const flush = (): void => {
    if (removed !== '') out.push({ value: removed, removed: true })
    if (added !== '') out.push({ value: added, added: true })
    removed = ''
    added = ''
  }
  parts.forEach((part, index) => {
    if (part.removed) removed += part.value
    else if (part.added) added += part.value
    else if (part.value.trim() === '' && isChange(parts[index - 1]) && isChange(parts[index + 1])) {
      removed += part.value
      added += part.value
    } else {
      flush()
      out.push(part)
    }
  })
  flush()
  return out
}
