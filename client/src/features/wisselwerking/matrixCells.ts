// The wisselwerking matrix as data: for each perspective section × voorstel section the links between
// them (either direction), summarised as the state that most needs attention, and the perspective
// sections without any link to a voorstel ("nog niet gekoppeld"). A voorstel the server cannot open for
// now has no sections to show: it is one column, whose cells hold its links per perspective section.
import type { LinkState, WisselwerkingSection } from '@novex/shared'
import type { Wisselwerking } from '../../api/links.ts'

export interface MatrixCell {
  readonly state: LinkState
  readonly count: number
}

/** Worst first: what needs someone's attention outranks what is fine. */
const ATTENTION: readonly LinkState[] = ['broken', 'suspect', 'unavailable', 'no-access', 'valid']

/** The section id of the one column of a voorstel the server cannot open for now. */
export const WHOLE_DOCUMENT = ''

const cellKey = (perspectiveSectionId: string, voorstelDocumentId: string, voorstelSectionId: string): string =>
  `${perspectiveSectionId}\u0000${voorstelDocumentId}\u0000${voorstelSectionId}`

/**
 * A link whose target section has no place in the table (it was deleted): a perspective section's link to
 * a voorstel section without a column, or a voorstel section's link to a perspective section without a
 * row. It would be invisible in the table, although the summary counts it. Its source always exists:
 * a link lives in the text of the section it starts from.
 */
export interface DetachedLink {
  readonly sourceDocumentId: string
  readonly source: WisselwerkingSection
  readonly targetDocumentId: string
  readonly state: LinkState
}

export interface MatrixIndex {
  cell(perspectiveSectionId: string, voorstelDocumentId: string, voorstelSectionId: string): MatrixCell | undefined
  readonly unlinked: readonly WisselwerkingSection[]
  readonly detached: readonly DetachedLink[]
  readonly linkedCount: number
  readonly stateCounts: Readonly<Record<LinkState, number>>
}

export function indexMatrix(data: Wisselwerking): MatrixIndex {
  const perspectiveId = data.perspective.documentId
  const voorstelIds = new Set(data.voorstellen.map((v) => v.documentId))
  const unavailable = new Set(data.voorstellen.filter((v) => !v.available).map((v) => v.documentId))
  const states = new Map<string, LinkState[]>()
  const linkedSections = new Set<string>()
  const stateCounts: Record<LinkState, number> = { valid: 0, suspect: 0, broken: 0, 'no-access': 0, unavailable: 0 }
  const columns = new Map(
    data.voorstellen.flatMap((v) => v.sections.map((s) => [`${v.documentId}\u0000${s.sectionId}`, s] as const)),
  )
  const rows = new Map(data.perspective.sections.map((s) => [s.sectionId, s]))
  const detached: DetachedLink[] = []
  for (const link of data.links) {
    let perspectiveSection: string
    let voorstel: string
    let voorstelSection: string
    if (link.sourceDocumentId === perspectiveId && voorstelIds.has(link.targetDocumentId)) {
      perspectiveSection = link.sourceSectionId
      voorstel = link.targetDocumentId
      voorstelSection = link.targetSectionId
    } else if (link.targetDocumentId === perspectiveId && voorstelIds.has(link.sourceDocumentId)) {
      perspectiveSection = link.targetSectionId
      voorstel = link.sourceDocumentId
      voorstelSection = link.sourceSectionId
    } else continue
    // Its sections are unknown, so its links are neither placed by section nor detached.
    if (unavailable.has(voorstel)) voorstelSection = WHOLE_DOCUMENT
    const key = cellKey(perspectiveSection, voorstel, voorstelSection)
    const list = states.get(key) ?? []
    list.push(link.state)
    states.set(key, list)
    linkedSections.add(perspectiveSection)
    stateCounts[link.state]++
    const row = rows.get(perspectiveSection)
    const column = columns.get(`${voorstel}\u0000${voorstelSection}`)
    if (voorstelSection === WHOLE_DOCUMENT) continue
    if (row !== undefined && column === undefined)
      detached.push({ sourceDocumentId: perspectiveId, source: row, targetDocumentId: voorstel, state: link.state })
    else if (row === undefined && column !== undefined)
      detached.push({ sourceDocumentId: voorstel, source: column, targetDocumentId: perspectiveId, state: link.state })
  }
  return {
    cell(perspectiveSectionId, voorstelDocumentId, voorstelSectionId) {
      const list = states.get(cellKey(perspectiveSectionId, voorstelDocumentId, voorstelSectionId))
      if (list === undefined) return undefined
      const state = ATTENTION.find((s) => list.includes(s)) ?? 'valid'
      return { state, count: list.length }
    },
    detached,
    unlinked: data.perspective.sections.filter((s) => !linkedSections.has(s.sectionId)),
    linkedCount: data.perspective.sections.filter((s) => linkedSections.has(s.sectionId)).length,
    stateCounts,
  }
}
