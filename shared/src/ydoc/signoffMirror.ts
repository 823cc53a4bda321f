// The sign-off mirror: the server copies each section's sign-off state (the fold of the ledger) into
// the Y.Doc under its own key, so every client sees signatures and locks live. Only the server writes
// it; the update gate refuses any client update that touches it.
import type * as Y from 'yjs'
import { OPEN_SECTION, type SectionSignoff } from '../signoff/signoffRule.ts'
import { DOC_KEYS } from './schema.ts'

export function signoffMirror(doc: Y.Doc): Y.Map<SectionSignoff> {
  return doc.getMap<SectionSignoff>(DOC_KEYS.signoffs)
}

export function readSignoff(doc: Y.Doc, sectionId: string): SectionSignoff {
  return signoffMirror(doc).get(sectionId) ?? OPEN_SECTION
}

/** Writes the states that differ from the mirror; call inside a server transaction. */
export function writeSignoffMirror(doc: Y.Doc, states: ReadonlyMap<string, SectionSignoff>): number {
  const mirror = signoffMirror(doc)
  let written = 0
  for (const [sectionId, state] of states) {
    const current = mirror.get(sectionId)
    if (current !== undefined && JSON.stringify(current) === JSON.stringify(state)) continue
    mirror.set(sectionId, state)
    written++
  }
  return written
}
