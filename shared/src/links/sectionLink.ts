// Section-to-section links are inline content: a `sectionLink` node (Tiptap inline atom) whose
// attributes name the target document and section. Titles are never stored in the node: they are
// looked up live, so a link follows renames and moves, and shows nothing to a reader who may not open
// the target. Backlinks are derived from these nodes, never kept by hand.
import * as Y from 'yjs'
import { isDocumentId, isSectionId, type SectionId } from '../ids.ts'
import { getSection, listSections, type SectionView } from '../ydoc/schema.ts'

export const SECTION_LINK_NODE = 'sectionLink'
export const SECTION_LINK_ATTRS = { documentId: 'documentId', sectionId: 'sectionId' } as const

/**
 * `unavailable`: the server cannot open the target document for now (a stored row is corrupt and the
 * document is quarantined until an administrator repairs it), so the link's state is unknown.
 */
export const LINK_STATES = ['valid', 'suspect', 'broken', 'no-access', 'unavailable'] as const
export type LinkState = (typeof LINK_STATES)[number]

export const LINK_STATE_LABELS: Readonly<Record<LinkState, string>> = {
  valid: 'geldig',
  suspect: 'gewijzigd sinds koppeling',
  broken: 'verwijderd',
  'no-access': 'geen toegang',
  unavailable: 'tijdelijk niet beschikbaar',
}

export interface LinkOccurrence {
  readonly sourceSectionId: SectionId
  readonly targetDocumentId: string
  readonly targetSectionId: string
  /** The sentence around the link, for backlinks. */
  readonly context: string
}

const MAX_CONTEXT = 240

/**
 * Every link in the given sections (all sections when none given), each section's in content order.
 * The server asks after every commit for the sections it changed, usually one: those are looked up by
 * id rather than found by reading every section of the document (issue 7, the hot room's profile).
 */
export function findSectionLinks(doc: Y.Doc, only?: ReadonlySet<string>): LinkOccurrence[] {
  const out: LinkOccurrence[] = []
  for (const section of only ? sectionsWithIds(doc, only) : listSections(doc)) out.push(...linksInSection(section))
  return out
}

/** The sections with these ids that exist and are well formed (an id that is none is passed over). */
function sectionsWithIds(doc: Y.Doc, ids: ReadonlySet<string>): SectionView[] {
  const out: SectionView[] = []
  for (const id of ids) {
    const view = getSection(doc, id as SectionId)
    if (view) out.push(view)
  }
  return out
}

export function linksInSection(section: SectionView): LinkOccurrence[] {
  const out: LinkOccurrence[] = []
  const walk = (node: Y.XmlElement | Y.XmlFragment, block: Y.XmlElement | null): void => {
    for (const child of node.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue
      if (child.nodeName === SECTION_LINK_NODE) {
        const documentId = child.getAttribute(SECTION_LINK_ATTRS.documentId)
        const sectionId = child.getAttribute(SECTION_LINK_ATTRS.sectionId)
        if (isDocumentId(documentId) && isSectionId(sectionId)) {
          out.push({
            sourceSectionId: section.id,
            targetDocumentId: documentId,
            targetSectionId: sectionId,
            context: block ? contextOf(block, child) : '',
          })
        }
        continue
      }
      walk(child, block ?? child)
    }
  }
  walk(section.content, null)
  return out
}

/** The sentence of the block that holds the link, with the link shown as "[…]". */
function contextOf(block: Y.XmlElement, link: Y.XmlElement): string {
  const parts: string[] = []
  const walk = (node: Y.XmlElement): void => {
    for (const child of node.toArray()) {
      if (child === link) parts.push('[…]')
      else if (child instanceof Y.XmlText)
        parts.push(
          (child.toDelta() as { insert?: unknown }[])
            .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
            .join(''),
        )
      else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(block)
  const text = parts.join('')
  const at = text.indexOf('[…]')
  const startDot = text.lastIndexOf('. ', at)
  const start = startDot === -1 ? 0 : startDot + 2
  const endDot = text.indexOf('. ', at)
  const end = endDot === -1 ? text.length : endDot + 1
  return text.slice(start, end).trim().slice(0, MAX_CONTEXT)
}
