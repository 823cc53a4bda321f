// The text of a link's target as a baseline keeps it (link_baselines.text), for "Wat is er gewijzigd?":
// the title on a line of its own, then the content with each section link in its place
// (sectionTitledRuns). A link holds no text, so it is written as its target between three format
// characters that are taken out of the text first: a link added to or removed from the target is a
// change the dialog shows (linkChanges.ts), not "geen verschil". A baseline from before links were kept
// is plain text and reads as such.
import { isDocumentId, isSectionId, type SectionTextRun } from '@novex/shared'

const START = '\uFFF9'
const BETWEEN = '\uFFFA'
const END = '\uFFFB'
const MARKS = /[\uFFF9-\uFFFB]/g
const LINK = /\uFFF9([^\uFFF9-\uFFFB]*)\uFFFA([^\uFFF9-\uFFFB]*)\uFFFB/g

/** The runs as one text to store. */
export function baselineText(runs: readonly SectionTextRun[]): string {
  return runs
    .map((run) =>
      typeof run === 'string' ? run.replace(MARKS, '') : `${START}${run.documentId}${BETWEEN}${run.sectionId}${END}`,
    )
    .join('')
}

/** A stored text as runs again; a plain text (an older baseline) is one run. */
export function baselineRuns(text: string): SectionTextRun[] {
  const runs: SectionTextRun[] = []
  const push = (value: string): void => {
    const last = runs.at(-1)
    if (value === '') return
    if (typeof last === 'string') runs[runs.length - 1] = last + value
    else runs.push(value)
  }
  let at = 0
  for (const match of text.matchAll(LINK)) {
    push(text.slice(at, match.index).replace(MARKS, ''))
    const [, documentId, sectionId] = match
    if (isDocumentId(documentId) && isSectionId(sectionId)) runs.push({ documentId, sectionId })
    at = match.index + match[0].length
  }
  push(text.slice(at).replace(MARKS, ''))
  return runs
}
