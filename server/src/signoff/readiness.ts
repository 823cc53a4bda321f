// BO-MIRT readiness: for each of the eight required components, whether the document has it, whether
// it has text, whether each party signed it and whether it is locked. Ready only when all are locked.
// Beside it, how many reactions on it are still open: they do not stop the sign-off, but a friction
// point nobody answered is worth knowing before the BO-MIRT.
import {
  COMPONENTS,
  type ComponentReadiness,
  listSections,
  openThreadsBySection,
  type Readiness,
  type SectionSignoff,
  sectionPlainText,
} from '@novex/shared'
import type * as Y from 'yjs'

export function readiness(doc: Y.Doc, states: ReadonlyMap<string, SectionSignoff>): Readiness {
  const sections = listSections(doc)
  const open = openThreadsBySection(doc)
  const components = COMPONENTS.map((component): ComponentReadiness => {
    const section = sections.find((s) => s.component === component.key) ?? null
    const state = section ? states.get(section.id) : undefined
    const signed = (side: string): boolean => state?.signatures.some((s) => s.signer.side === side) ?? false
    const openHere = section ? open.get(section.id) : undefined
    return {
      component: component.key,
      label: component.title,
      sectionId: section?.id ?? null,
      present: section !== null,
      // Words (or a described image), not section links: a section that only refers to another text is
      // no written component yet, so "Niet leeg" stays open for it (docs/signoff.md).
      nonEmpty: section !== null && sectionPlainText(section).length > 0,
      signedRijk: signed('rijk'),
      signedProvincie: signed('provincie'),
      locked: state?.locked != null,
      openThreads: openHere?.count ?? 0,
      openThreadId: openHere?.oldest ?? null,
    }
  })
  return { ready: components.every((c) => c.locked), components }
}
