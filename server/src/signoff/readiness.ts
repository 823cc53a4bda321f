// BO-MIRT readiness: for each of the eight required components, whether the document has it, whether
// it has text, whether each party signed it and whether it is locked. Ready only when all are locked.
import { COMPONENTS, listSections, type SectionSignoff, sectionPlainText } from '@novex/shared'
import type * as Y from 'yjs'

export interface ComponentReadiness {
  readonly component: string
  readonly label: string
  readonly sectionId: string | null
  readonly present: boolean
  readonly nonEmpty: boolean
  readonly signedRijk: boolean
  readonly signedProvincie: boolean
  readonly locked: boolean
}

export interface Readiness {
  readonly ready: boolean
  readonly components: readonly ComponentReadiness[]
}

export function readiness(doc: Y.Doc, states: ReadonlyMap<string, SectionSignoff>): Readiness {
  const sections = listSections(doc)
  const components = COMPONENTS.map((component): ComponentReadiness => {
    const section = sections.find((s) => s.component === component.key) ?? null
    const state = section ? states.get(section.id) : undefined
    const signed = (side: string): boolean => state?.signatures.some((s) => s.signer.side === side) ?? false
    return {
      component: component.key,
      label: component.title,
      sectionId: section?.id ?? null,
      present: section !== null,
      nonEmpty: section !== null && sectionPlainText(section).length > 0,
      signedRijk: signed('rijk'),
      signedProvincie: signed('provincie'),
      locked: state?.locked != null,
    }
  })
  return { ready: components.every((c) => c.locked), components }
}
