// "Besluitvorming" as blocks: every decision the trekkers recorded on an ontwikkelperspectief, in order,
// each as one line of plain Dutch (who, when, and the note, meeting or decision it names). Nothing when
// the dossier has no status (a ruimtelijk voorstel) or no decision was recorded yet. Names and notes are
// plain text runs: each format escapes them as it escapes all user text.
import type { SignSide, StatusDecision } from '@novex/shared'
import { type Block, text } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { formatDate, formatDateTime, formatDay, LABELS } from './dossierText.ts'

/**
 * How a decision names the side it was taken for: "Instemming van het Rijk", "Vastgesteld door de regio".
 * A copy of @novex/shared's SIDE_NAMES, which this worker-side module cannot load at run time (README.md).
 */
const SIDE_NAMES: Readonly<Record<SignSide, string>> = { rijk: 'het Rijk', provincie: 'de regio' }

export function decisionBlocks(dossier: Dossier): Block[] {
  const decisions = dossier.status?.decisions ?? []
  if (decisions.length === 0) return []
  return [
    { kind: 'heading', level: 1, inlines: [text(LABELS.decisions)] },
    { kind: 'paragraph', inlines: [text(LABELS.decisionsIntro)] },
    {
      kind: 'list',
      ordered: true,
      start: 1,
      items: decisions.map((decision) => [{ kind: 'paragraph', inlines: [text(decisionLine(decision))] }]),
    },
  ]
}

/** One decision as a sentence or two, e.g. "Instemming van het Rijk op 12-11-2026, vastgelegd door …". */
export function decisionLine(decision: StatusDecision): string {
  const who = `${decision.by.name} (${decision.by.organisationName})`
  const note = decision.note.trim()
  switch (decision.kind) {
    case 'submitted':
      return withNote(`Ter instemming aangeboden door ${who} op ${formatDateTime(decision.at)}.`, 'Toelichting', note)
    case 'withdrawn':
      return withNote(`Aanbieding ingetrokken door ${who} op ${formatDateTime(decision.at)}.`, 'Reden', note)
    case 'consented':
      return withNote(
        `Instemming${side('van', decision)} op ${day(decision)}, vastgelegd door ${who}.`,
        'Overleg',
        note,
      )
    case 'adopted':
      return withNote(
        `Vastgesteld${side('door', decision)} op ${day(decision)}, vastgelegd door ${who}.`,
        'Besluit',
        note,
      )
  }
}

function withNote(sentence: string, label: string, note: string): string {
  return note ? `${sentence} ${label}: ${note}` : sentence
}

/** " van het Rijk", " door de regio"; nothing when the decider had no side (the server requires one). */
function side(preposition: string, decision: StatusDecision): string {
  return decision.by.side ? ` ${preposition} ${SIDE_NAMES[decision.by.side]}` : ''
}

/** The day of the meeting or decision; the day it was recorded should the record lack one. */
function day(decision: StatusDecision): string {
  return decision.date ? formatDay(decision.date) : formatDate(decision.at)
}
