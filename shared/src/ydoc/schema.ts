// The Y.Doc layout: the only place where Y key names live. Everything else reads and writes a
// document through these accessors.
//
//   doc.getMap('sections'): Y.Map<SectionId, Y.Map>, each section map holding
//     title: Y.Text · rank: string (lexorank) · component: ComponentKey | null
//     parent: SectionId | null · content: Y.XmlFragment (one Tiptap editor per section)
//   doc.getMap('meta'): server-owned document metadata (clients read it, never write it)
//   doc.getMap('signoffs'): server-owned mirror of the sign-off ledger, SectionId → SectionSignoff (JSON)
//   doc.getMap('comments'): server-owned comment threads, threadId → CommentThread (JSON)
//   doc.getMap('review'): server-owned review round state ('state' → ReviewState)
import * as Y from 'yjs'
import { type ComponentKey, isComponentKey } from '../components.ts'
import { IMAGE_NODE, imagePlainText } from '../content/images.ts'
import { isDocumentId, isSectionId, newSectionId, type SectionId } from '../ids.ts'
import { SECTION_LINK_ATTRS, SECTION_LINK_NODE } from '../links/sectionLink.ts'
import { compareByRank, type Rank, rankBetween } from '../rank.ts'

export const DOC_KEYS = {
  sections: 'sections',
  meta: 'meta',
  signoffs: 'signoffs',
  comments: 'comments',
  review: 'review',
} as const

/** Top-level keys that only the server may write. */
export const SERVER_OWNED_KEYS: readonly string[] = [
  DOC_KEYS.meta,
  DOC_KEYS.signoffs,
  DOC_KEYS.comments,
  DOC_KEYS.review,
]

/** Top-level keys a client may write; an update that creates any other root is refused. */
export const CLIENT_WRITABLE_KEYS: readonly string[] = [DOC_KEYS.sections]

export const SECTION_KEYS = {
  title: 'title',
  rank: 'rank',
  component: 'component',
  parent: 'parent',
  content: 'content',
} as const

export type SectionMap = Y.Map<unknown>

export interface SectionView {
  readonly id: SectionId
  readonly map: SectionMap
  readonly title: Y.Text
  readonly rank: Rank
  readonly component: ComponentKey | null
  readonly parent: SectionId | null
  readonly content: Y.XmlFragment
}

export function sectionsMap(doc: Y.Doc): Y.Map<SectionMap> {
  return doc.getMap<SectionMap>(DOC_KEYS.sections)
}

/** Meta key the server bumps when link information for this document changed: clients refetch it. */
export const LINKS_REVISION_KEY = 'linksRevision'

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(DOC_KEYS.meta)
}

/** Reads one section; null when the map is not a well-formed section (e.g. half-synced). */
export function readSection(id: string, map: SectionMap): SectionView | null {
  const title = map.get(SECTION_KEYS.title)
  const content = map.get(SECTION_KEYS.content)
  const rank = map.get(SECTION_KEYS.rank)
  const component = map.get(SECTION_KEYS.component) ?? null
  const parent = map.get(SECTION_KEYS.parent) ?? null
  if (!(title instanceof Y.Text) || !(content instanceof Y.XmlFragment) || typeof rank !== 'string') return null
  return {
    id: id as SectionId,
    map,
    title,
    rank: rank as Rank,
    component: isComponentKey(component) ? component : null,
    parent: typeof parent === 'string' ? (parent as SectionId) : null,
    content,
  }
}

export function getSection(doc: Y.Doc, id: SectionId): SectionView | null {
  const map = sectionsMap(doc).get(id)
  return map ? readSection(id, map) : null
}

export function listSections(doc: Y.Doc): SectionView[] {
  const out: SectionView[] = []
  sectionsMap(doc).forEach((map, id) => {
    const view = readSection(id, map)
    if (view) out.push(view)
  })
  return out
}

export interface OrderedSection extends SectionView {
  readonly depth: number
  /** Outline number, e.g. "2.1". */
  readonly number: string
}

/**
 * Document order: siblings sorted by rank (then id), depth first. A section whose parent is missing
 * (deleted concurrently) is shown at the top level so its text is never hidden.
 */
export function orderedSections(doc: Y.Doc): OrderedSection[] {
  const all = listSections(doc)
  const ids = new Set(all.map((s) => s.id))
  const children = new Map<SectionId | null, SectionView[]>()
  for (const s of all) {
    const parent = s.parent !== null && ids.has(s.parent) && s.parent !== s.id ? s.parent : null
    const list = children.get(parent) ?? []
    list.push(s)
    children.set(parent, list)
  }
  const out: OrderedSection[] = []
  const visited = new Set<SectionId>()
  const walk = (parent: SectionId | null, depth: number, prefix: string): void => {
    const list = (children.get(parent) ?? []).sort(compareByRank)
    list.forEach((s, i) => {
      if (visited.has(s.id)) return
      visited.add(s.id)
      const number = prefix ? `${prefix}.${i + 1}` : `${i + 1}`
      out.push({ ...s, depth, number })
      walk(s.id, depth + 1, number)
    })
  }
  walk(null, 0, '')
  // Sections caught in a parent cycle (two concurrent re-parentings) are appended, never lost.
  for (const s of all) if (!visited.has(s.id)) out.push({ ...s, depth: 0, number: '?' })
  return out
}

export function siblingsOf(doc: Y.Doc, parent: SectionId | null): SectionView[] {
  return listSections(doc)
    .filter((s) => s.parent === parent)
    .sort(compareByRank)
}

export interface NewSection {
  readonly id?: SectionId
  readonly title: string
  readonly rank: Rank
  readonly component?: ComponentKey | null
  readonly parent?: SectionId | null
  /** Plain paragraphs to start the content with. */
  readonly paragraphs?: readonly string[]
}

/** Creates a section; call inside a transaction when creating several. */
export function createSection(doc: Y.Doc, init: NewSection): SectionId {
  const id = init.id ?? newSectionId()
  const map = new Y.Map<unknown>()
  const title = new Y.Text(init.title)
  const content = new Y.XmlFragment()
  const paragraphs = init.paragraphs ?? []
  if (paragraphs.length > 0) {
    content.insert(
      0,
      paragraphs.map((text) => {
        const p = new Y.XmlElement('paragraph')
        p.insert(0, [new Y.XmlText(text)])
        return p
      }),
    )
  }
  map.set(SECTION_KEYS.title, title)
  map.set(SECTION_KEYS.rank, init.rank)
  map.set(SECTION_KEYS.component, init.component ?? null)
  map.set(SECTION_KEYS.parent, init.parent ?? null)
  map.set(SECTION_KEYS.content, content)
  sectionsMap(doc).set(id, map)
  return id
}

/** Appends a section at the end of its parent's children. */
export function appendSection(doc: Y.Doc, init: Omit<NewSection, 'rank'>): SectionId {
  const siblings = siblingsOf(doc, init.parent ?? null)
  const last = siblings.at(-1)
  return createSection(doc, { ...init, rank: rankBetween(last ? last.rank : null, null) })
}

/** Inserts a section directly after `after` among its siblings. */
export function insertSectionAfter(doc: Y.Doc, after: SectionId, init: Omit<NewSection, 'rank' | 'parent'>): SectionId {
  const anchor = getSection(doc, after)
  if (!anchor) return appendSection(doc, init)
  const siblings = siblingsOf(doc, anchor.parent)
  const index = siblings.findIndex((s) => s.id === after)
  const next = siblings[index + 1]
  return createSection(doc, { ...init, parent: anchor.parent, rank: rankBetween(anchor.rank, next ? next.rank : null) })
}

/** Moves a section one place up (-1) or down (+1) among its siblings. Returns false at the edge. */
export function moveSectionBy(doc: Y.Doc, id: SectionId, delta: -1 | 1): boolean {
  const section = getSection(doc, id)
  if (!section) return false
  const siblings = siblingsOf(doc, section.parent)
  const index = siblings.findIndex((s) => s.id === id)
  const target = index + delta
  if (target < 0 || target >= siblings.length) return false
  const without = siblings.filter((s) => s.id !== id)
  return moveSectionTo(doc, id, section.parent, target, without)
}

/**
 * Moves a section to position `index` among the children of `parent` (computed without the moved
 * section). Only the section's `rank` (and `parent`) change, so concurrent moves converge: the last
 * writer wins per section and the tie-break by id keeps every replica in the same order.
 */
export function moveSectionTo(
  doc: Y.Doc,
  id: SectionId,
  parent: SectionId | null,
  index: number,
  siblingsWithout?: SectionView[],
): boolean {
  const section = getSection(doc, id)
  if (!section) return false
  if (parent !== null && (parent === id || isDescendant(doc, parent, id))) return false
  const list = siblingsWithout ?? siblingsOf(doc, parent).filter((s) => s.id !== id)
  const clamped = Math.max(0, Math.min(index, list.length))
  const before = list[clamped - 1]
  const after = list[clamped]
  const rank = rankBetween(before ? before.rank : null, after ? after.rank : null)
  doc.transact(() => {
    if (section.parent !== parent) section.map.set(SECTION_KEYS.parent, parent)
    section.map.set(SECTION_KEYS.rank, rank)
  })
  return true
}

function isDescendant(doc: Y.Doc, candidate: SectionId, ancestor: SectionId): boolean {
  let current = getSection(doc, candidate)
  const seen = new Set<SectionId>()
  while (current && current.parent !== null && !seen.has(current.id)) {
    if (current.parent === ancestor) return true
    seen.add(current.id)
    current = getSection(doc, current.parent)
  }
  return false
}

/** Deletes a free section and its subsections. Required sections are refused (returns false). */
export function deleteSection(doc: Y.Doc, id: SectionId): boolean {
  const section = getSection(doc, id)
  if (!section || section.component !== null) return false
  const doomed = [id, ...descendantsOf(doc, id)]
  if (doomed.some((d) => getSection(doc, d)?.component != null)) return false
  doc.transact(() => {
    for (const d of doomed) sectionsMap(doc).delete(d)
  })
  return true
}

function descendantsOf(doc: Y.Doc, id: SectionId): SectionId[] {
  const out: SectionId[] = []
  for (const child of siblingsOf(doc, id)) out.push(child.id, ...descendantsOf(doc, child.id))
  return out
}

/**
 * Plain text of a section's content, paragraphs separated by newlines (for a refused change, a linked
 * section's change, whether a section is empty, tests). An image reads as its description on a line of its
 * own, so that a map placed, removed or described anew shows as a change too. A section link holds no
 * text and is left out here; `sectionTextRuns` keeps it.
 */
export function sectionPlainText(section: SectionView): string {
  return contentRuns(section, false)
    .filter((run) => typeof run === 'string')
    .join('')
    .trim()
}

/** The section a `sectionLink` in a section's text names (docs/links.md). */
export interface LinkedSection {
  readonly documentId: string
  readonly sectionId: string
}

/** A piece of a section's text as `sectionTextRuns` reads it: text, or a section link standing there. */
export type SectionTextRun = string | LinkedSection

/**
 * A section's text as `sectionPlainText` reads it, with each section link in its place between the
 * text around it (for comparing versions: a cross-reference added or removed is a change a reviewer
 * must see, and the link itself holds no text). Neighbouring text is one run; the text at both ends is
 * trimmed as sectionPlainText trims it. A link without a valid target reads as nothing, as before.
 */
export function sectionTextRuns(section: SectionView): SectionTextRun[] {
  const runs = contentRuns(section, true)
  const first = runs[0]
  if (typeof first === 'string') runs[0] = first.trimStart()
  const last = runs.at(-1)
  if (typeof last === 'string') runs[runs.length - 1] = last.trimEnd()
  return runs.filter((run) => run !== '')
}

/**
 * A section as its text is compared (a version comparison, a refused change, a link's baseline): the
 * title on a line of its own, then `sectionTextRuns`.
 */
export function sectionTitledRuns(section: SectionView): SectionTextRun[] {
  return [`${section.title.toString()}\n`, ...sectionTextRuns(section)]
}

function contentRuns(section: SectionView, withLinks: boolean): SectionTextRun[] {
  const runs: SectionTextRun[] = []
  const text = (value: string): void => {
    const last = runs.at(-1)
    if (typeof last === 'string') runs[runs.length - 1] = last + value
    else runs.push(value)
  }
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook): void => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') text(op.insert)
    } else if (node instanceof Y.XmlElement && node.nodeName === IMAGE_NODE) {
      text(`${imagePlainText(node.getAttribute('alt'), node.getAttribute('caption'))}\n`)
    } else if (withLinks && node instanceof Y.XmlElement && node.nodeName === SECTION_LINK_NODE) {
      const documentId = node.getAttribute(SECTION_LINK_ATTRS.documentId)
      const sectionId = node.getAttribute(SECTION_LINK_ATTRS.sectionId)
      if (isDocumentId(documentId) && isSectionId(sectionId)) runs.push({ documentId, sectionId })
    } else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
      for (const child of node.toArray()) walk(child)
      if (node instanceof Y.XmlElement && BLOCK_NODES.has(node.nodeName)) text('\n')
    }
  }
  walk(section.content)
  return runs
}

const BLOCK_NODES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'codeBlock'])
