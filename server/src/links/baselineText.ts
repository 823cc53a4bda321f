// The text of a link's target as a baseline keeps it (link_baselines.text), for "Wat is er gewijzigd?":
// the title on a line of its own, then the content with each section link in its place
// (sectionTitledRuns). A link holds no text, so it is written as a mark of its target (shared
// linkMarks.ts): a link added to or removed from the target is a change the dialog shows
// (linkChanges.ts), not "geen verschil". A baseline from before links were kept is plain text and reads
// as such.
import {
  isDocumentId,
  isSectionId,
  linkMark,
  type SectionTextRun,
  splitLinkMarks,
  withoutLinkMarkChars,
} from '@novex/shared'

/** The runs as one text to store. */
export function baselineText(runs: readonly SectionTextRun[]): string {
  return runs
    .map((run) => (typeof run === 'string' ? withoutLinkMarkChars(run) : linkMark([run.documentId, run.sectionId])))
    .join('')
}

/** A stored text as runs again; a plain text (an older baseline) is one run. */
export function baselineRuns(text: string): SectionTextRun[] {
  const runs: SectionTextRun[] = []
  for (const piece of splitLinkMarks(text)) {
    if (typeof piece === 'string') runs.push(piece)
    else {
      const [documentId, sectionId] = piece
      if (piece.length === 2 && isDocumentId(documentId) && isSectionId(sectionId)) runs.push({ documentId, sectionId })
    }
  }
  return joinText(runs)
}

/** Neighbouring texts as one (a mark that named no link left two). */
function joinText(runs: readonly SectionTextRun[]): SectionTextRun[] {
  const out: SectionTextRun[] = []
  for (const run of runs) {
    const last = out.at(-1)
    if (typeof run === 'string' && typeof last === 'string') out[out.length - 1] = last + run
    else out.push(run)
  }
  return out
}
