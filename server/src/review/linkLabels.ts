// Names the section links of a version comparison or a round report for the one who reads it, as the
// links API names a link's target (docs/links.md): the target's title and number as they are now, its
// document's title when that is another document; `broken` with the last known title when the section is
// gone, `unavailable` when the server cannot open that document for now, and `no-access`, without any
// title, when the reader may not open it. A report is stored with its links unnamed (compareDocs.ts), so
// a reader never sees a title because the trekker who closed the round could.
import {
  type DiffLink,
  type DiffPart,
  LINK_STATE_LABELS,
  type LinkedSection,
  orderedSections,
  type RoundReport,
  type SectionComparison,
} from '@novex/shared'
import type * as Y from 'yjs'
import type { User } from '../accounts/accountStore.ts'
import type { Authorize } from '../api/documentsApi.ts'
import type { LinkStore } from '../links/linkStore.ts'
import { roomIfAvailable } from '../links/roomIfAvailable.ts'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import type { WithRoom } from '../signoff/signoffService.ts'

export interface LinkLabelDeps {
  readonly catalog: DocumentCatalog
  readonly authorize: Authorize
  readonly withRoom: WithRoom
  /** The title and number a link target last had: the links index keeps them for when it is gone. */
  readonly linkTargets: Pick<LinkStore, 'target'>
}

type Heading = { readonly title: string; readonly number: string }
type NameLink = (link: LinkedSection) => DiffLink

const keyOf = (link: LinkedSection): string => `${link.documentId}\u0000${link.sectionId}`

function headingsOf(doc: Y.Doc): Map<string, Heading> {
  return new Map(orderedSections(doc).map((s) => [s.id as string, { title: s.title.toString(), number: s.number }]))
}

/** The links among these parts, each once. */
function linksIn(parts: readonly (readonly DiffPart[])[]): LinkedSection[] {
  const out = new Map<string, LinkedSection>()
  for (const list of parts) for (const part of list) if (part.link) out.set(keyOf(part.link), part.link)
  return [...out.values()]
}

/**
 * How `user` may see each of `links` now, made in `documentId`. `versions`: the compared versions of that
 * document, for the title of a section in it that is gone and that the links index never knew.
 */
async function nameFor(
  deps: LinkLabelDeps,
  user: User,
  documentId: string,
  links: readonly LinkedSection[],
  versions: readonly Y.Doc[] = [],
): Promise<NameLink> {
  const named = new Map<string, DiffLink>()
  let inVersions: Map<string, Heading>[] | null = null
  const lastKnown = (link: LinkedSection): Heading => {
    const known = deps.linkTargets.target(link.documentId, link.sectionId)
    if (known) return { title: known.title, number: known.number }
    if (link.documentId === documentId) {
      inVersions ??= versions.map(headingsOf)
      for (const headings of inVersions) {
        const heading = headings.get(link.sectionId)
        if (heading) return heading
      }
    }
    return { title: '', number: '' }
  }
  for (const target of new Set(links.map((l) => l.documentId))) {
    const group = links.filter((l) => l.documentId === target)
    const record = deps.catalog.get(target)
    const put = (link: LinkedSection, rest: Omit<DiffLink, 'documentId' | 'sectionId'>): void => {
      named.set(keyOf(link), { documentId: link.documentId, sectionId: link.sectionId, ...rest })
    }
    if (!record) {
      // No such document (any more): nothing is known about it that this reader may read.
      for (const link of group) put(link, { state: 'broken', title: '', number: '' })
      continue
    }
    if (!deps.authorize(user, record)) {
      for (const link of group) put(link, { state: 'no-access' })
      continue
    }
    const documentTitle = target !== documentId ? { documentTitle: record.title } : {}
    const read = await roomIfAvailable(deps.withRoom, target, (room) => headingsOf(room.doc))
    for (const link of group) {
      const heading = read.available ? read.value.get(link.sectionId) : undefined
      if (heading) put(link, { state: 'valid', ...heading, ...documentTitle })
      else put(link, { state: read.available ? 'broken' : 'unavailable', ...lastKnown(link), ...documentTitle })
    }
  }
  return (link) => named.get(keyOf(link)) ?? { ...link, state: 'unavailable', title: '', number: '' }
}

/** "§ 4 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)", with the state when it is not valid. */
export function linkTargetText(link: DiffLink): string {
  if (link.state === undefined) return 'nog niet opgezocht'
  if (link.state === 'no-access') return LINK_STATE_LABELS['no-access']
  const title = link.title?.trim() ? link.title.trim() : 'sectie zonder titel'
  const section = link.number ? `§ ${link.number} ${title}` : title
  const target = link.documentTitle ? `${section} (${link.documentTitle})` : section
  return link.state === 'valid' ? target : `${target}, ${LINK_STATE_LABELS[link.state]}`
}

function named(parts: readonly DiffPart[], name: NameLink): DiffPart[] {
  return parts.map((part) => {
    if (!part.link) return part
    const link = name(part.link)
    return { ...part, value: `[koppeling: ${linkTargetText(link)}]`, link }
  })
}

/** The comparison with its links named for `user` (`versions`: the two compared versions). */
export async function comparisonFor(
  deps: LinkLabelDeps,
  user: User,
  documentId: string,
  sections: readonly SectionComparison[],
  versions: readonly Y.Doc[],
): Promise<SectionComparison[]> {
  const links = linksIn(sections.map((s) => s.parts))
  if (links.length === 0) return [...sections]
  const name = await nameFor(deps, user, documentId, links, versions)
  return sections.map((s) => ({ ...s, parts: named(s.parts, name) }))
}

/** The round report with its links named for `user`. */
export async function reportFor(
  deps: LinkLabelDeps,
  user: User,
  documentId: string,
  report: RoundReport,
): Promise<RoundReport> {
  const links = linksIn(report.sections.map((s) => s.changes.parts))
  if (links.length === 0) return report
  const name = await nameFor(deps, user, documentId, links)
  return {
    ...report,
    sections: report.sections.map((s) => ({ ...s, changes: { ...s.changes, parts: named(s.changes.parts, name) } })),
  }
}
