// Word differences between two texts of a section, as a reader of a version comparison or a changed link
// sees them. One word diff over a whole section costs O(words × changes): 4.7 s on the event loop for a
// rewritten section of 6,000 words, 0.7 s for one with a word changed in every paragraph (measured with
// `diff` 9 on the 2-core test machine), and every document's sync waited that long. So paragraphs are
// aligned first (`diffArrays`, cheap), a paragraph replaced in place is compared with its replacement only,
// and one comparison has a time budget: when it runs out, a changed block is shown whole, removed and then
// added, which is still exact, only coarser (jsdiff's `timeout`, https://github.com/kpdecker/jsdiff#readme).
import type { DiffPart } from '@novex/shared'
import { diffArrays, diffWordsWithSpace } from 'diff'

/** When one comparison (all its sections) stops looking for word-level detail. */
export interface DiffBudget {
  readonly deadline: number
}

/** A comparison of a whole document gets this much time for word-level detail. */
const COMPARISON_BUDGET_MS = 250

export function diffBudget(ms: number = COMPARISON_BUDGET_MS): DiffBudget {
  return { deadline: performance.now() + ms }
}

const removed = (value: string): DiffPart => ({ value, removed: true })
const added = (value: string): DiffPart => ({ value, added: true })

/** Word-level parts: the unchanged and removed parts spell `before`, the unchanged and added `after`. */
export function wordDiff(before: string, after: string, budget: DiffBudget): DiffPart[] {
  // Every paragraph ends with its line break while they are compared, the last one too: otherwise a
  // paragraph that becomes the last one would count as changed.
  return merged(withoutFinalBreak(paragraphDiff(`${before}\n`, `${after}\n`, budget)))
}

function paragraphDiff(before: string, after: string, budget: DiffBudget): DiffPart[] {
  const out: DiffPart[] = []
  let gone: string[] = []
  let come: string[] = []
  const flush = (): void => {
    // A run of paragraphs replaced one for one: each is compared with its own replacement.
    if (gone.length === come.length) for (const [i, old] of gone.entries()) words(old, come[i] ?? '', budget, out)
    else words(gone.join(''), come.join(''), budget, out)
    gone = []
    come = []
  }
  for (const chunk of diffArrays(paragraphs(before), paragraphs(after))) {
    if (chunk.removed) gone.push(...chunk.value)
    else if (chunk.added) come.push(...chunk.value)
    else {
      flush()
      out.push({ value: chunk.value.join('') })
    }
  }
  flush()
  return out
}

/** Paragraphs with their line break, so that joining them gives the text back. */
function paragraphs(text: string): string[] {
  return text.split(/(?<=\n)/).filter((p) => p !== '')
}

/** Takes the line break added for the comparison off the last part of each version. */
function withoutFinalBreak(parts: readonly DiffPart[]): DiffPart[] {
  const out = [...parts]
  const lastBefore = out.findLastIndex((p) => !p.added)
  const lastAfter = out.findLastIndex((p) => !p.removed)
  const strip = (i: number): void => {
    const part = out[i]
    if (part?.value.endsWith('\n')) out[i] = { ...part, value: part.value.slice(0, -1) }
  }
  if (lastBefore === lastAfter) strip(lastBefore)
  else {
    // The later one is seen in one version only. The earlier one may be unchanged text that ends one
    // version but not the other: that other version keeps its line break, as a part of its own.
    const [early, late] = lastBefore < lastAfter ? [lastBefore, lastAfter] : [lastAfter, lastBefore]
    strip(late)
    const part = out[early]
    if (part && !part.added && !part.removed && part.value.endsWith('\n')) {
      const keep: DiffPart = early === lastBefore ? added('\n') : removed('\n')
      out.splice(early, 1, { value: part.value.slice(0, -1) }, keep)
    } else strip(early)
  }
  return out.filter((p) => p.value !== '')
}

function words(old: string, now: string, budget: DiffBudget, out: DiffPart[]): void {
  if (old === now) {
    if (old !== '') out.push({ value: old })
    return
  }
  const left = budget.deadline - performance.now()
  const detail = old !== '' && now !== '' && left > 0 ? diffWordsWithSpace(old, now, { timeout: left }) : undefined
  if (!detail) {
    if (old !== '') out.push(removed(old))
    if (now !== '') out.push(added(now))
    return
  }
  for (const part of detail)
    out.push(part.added ? added(part.value) : part.removed ? removed(part.value) : { value: part.value })
}

/** Neighbouring parts of the same kind as one part (diffing paragraph by paragraph splits them). */
function merged(parts: readonly DiffPart[]): DiffPart[] {
  const out: DiffPart[] = []
  for (const part of parts) {
    const last = out[out.length - 1]
    if (last && last.added === part.added && last.removed === part.removed)
      out[out.length - 1] = { ...last, value: last.value + part.value }
    else out.push(part)
  }
  return out
}
