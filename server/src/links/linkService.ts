// Section links on the server: the index is derived from content on every committed change and at
// start-up; states are computed from content hashes against each link's baseline, per reader, so a
// reader who may not open the target document gets no title or text from it. When link information
// of a document changes, its `meta.linksRevision` is bumped so its clients refetch.
import {
  type Backlink,
  type DiffPart,
  findSectionLinks,
  getSection,
  isSectionId,
  LINKS_REVISION_KEY,
  listSections,
  metaMap,
  type OutgoingLink,
  orderedSections,
  type SectionView,
  sectionContentHash,
  sectionTitledRuns,
} from '@novex/shared'
import type { Logger } from 'pino'
import type * as Y from 'yjs'
import type { User } from '../accounts/accountStore.ts'
import type { Authorize } from '../api/documentsApi.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { Room } from '../rooms/room.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import { baselineRuns, baselineText } from './baselineText.ts'
import { linkChangeParts } from './linkChanges.ts'
import type { Baseline, LinkRow, LinkStore } from './linkStore.ts'
import { roomIfAvailable } from './roomIfAvailable.ts'

export interface LinkServiceDeps {
  readonly store: LinkStore
  readonly catalog: DocumentCatalog
  readonly authorize: Authorize
  readonly withRoom: WithRoom
  readonly logger: Logger
}

/** The target's title and text as a baseline keeps them, its section links in their place (baselineText.ts). */
export const textOf = (section: SectionView): string => baselineText(sectionTitledRuns(section))

function numberOf(doc: Y.Doc, sectionId: string): string {
  return orderedSections(doc).find((s) => s.id === sectionId)?.number ?? ''
}

function sectionIn(doc: Y.Doc, sectionId: string): SectionView | null {
  return isSectionId(sectionId) ? getSection(doc, sectionId) : null
}

export function createLinkService(deps: LinkServiceDeps) {
  const { store } = deps

  const bump = (documentId: string): void => {
    // A document the server cannot open has no clients to tell (its quarantine was logged loudly).
    roomIfAvailable(deps.withRoom, documentId, (room) =>
      room.applyServerChange((doc) => {
        const meta = metaMap(doc)
        const current = meta.get(LINKS_REVISION_KEY)
        meta.set(LINKS_REVISION_KEY, (typeof current === 'number' ? current : 0) + 1)
      }),
    ).catch((error: unknown) => deps.logger.error({ err: error, documentId }, 'could not bump the links revision'))
  }

  const baselineOf = (doc: Y.Doc, sectionId: string): Baseline | null => {
    const section = sectionIn(doc, sectionId)
    return section ? { hash: sectionContentHash(section), text: textOf(section), at: Date.now() } : null
  }

  /** Records the target's current state as the baseline of links (all, or only those without one). */
  const setBaselines = async (links: readonly LinkRow[], onlyMissing: boolean, reviewedBy: string | null) => {
    const byTarget = new Map<string, LinkRow[]>()
    for (const link of links) {
      if (onlyMissing && store.baseline(link)) continue
      if (!deps.catalog.get(link.targetDocument)) continue
      byTarget.set(link.targetDocument, [...(byTarget.get(link.targetDocument) ?? []), link])
    }
    for (const [targetDocument, group] of byTarget) {
      await deps.withRoom(targetDocument, (room) => {
        for (const link of group) {
          const baseline = baselineOf(room.doc, link.targetSection)
          if (baseline) store.setBaseline(link, baseline, reviewedBy)
          rememberTarget(room, link.targetSection)
        }
      })
    }
  }

  const rememberTarget = (room: Room, sectionId: string): void => {
    const section = sectionIn(room.doc, sectionId)
    const known = store.target(room.id, sectionId)
    if (section)
      store.setTarget(room.id, sectionId, {
        title: section.title.toString(),
        number: numberOf(room.doc, sectionId),
        deleted: false,
      })
    else if (known && !known.deleted) store.setTarget(room.id, sectionId, { ...known, deleted: true })
  }

  /**
   * Rebuilds the index rows of some (or all) sections of a room from its content. Returns the target
   * documents whose backlinks changed (empty when nothing changed).
   */
  const index = (room: Room, sections: ReadonlySet<string> | null): Set<string> => {
    const previous = store.from(room.id).filter((l) => sections === null || sections.has(l.sourceSection))
    const found = findSectionLinks(room.doc, sections ?? undefined).map(
      (o): LinkRow => ({
        sourceDocument: room.id,
        sourceSection: o.sourceSectionId,
        targetDocument: o.targetDocumentId,
        targetSection: o.targetSectionId,
        context: o.context,
      }),
    )
    const scope = sections
      ? [...sections]
      : [...new Set([...previous.map((l) => l.sourceSection), ...listSections(room.doc).map((s) => s.id)])]
    const key = (l: LinkRow) => `${l.sourceSection}|${l.targetDocument}|${l.targetSection}|${l.context}`
    const before = new Set(previous.map(key))
    const after = new Set(found.map(key))
    const affected = new Set(
      [...previous.filter((l) => !after.has(key(l))), ...found.filter((l) => !before.has(key(l)))].map(
        (l) => l.targetDocument,
      ),
    )
    if (affected.size === 0) return affected
    store.replace(room.id, scope, found)
    void setBaselines(found, true, null).catch((error: unknown) =>
      deps.logger.error({ err: error, documentId: room.id }, 'could not record link baselines'),
    )
    return affected
  }

  const access = (user: User, documentId: string): DocumentRecord | null => {
    const record = deps.catalog.get(documentId)
    return record && deps.authorize(user, record) ? record : null
  }

  return {
    onCommitted(room: Room, sections: ReadonlySet<string>): void {
      const affected = index(room, sections)
      // The linking document shows new link states; the targets show new backlinks.
      if (affected.size > 0) bump(room.id)
      for (const target of affected) if (target !== room.id && deps.catalog.get(target)) bump(target)
      const incoming = store.linkingTo(room.id, [...sections])
      if (incoming.length === 0) return
      for (const sectionId of new Set(incoming.map((l) => l.targetSection))) rememberTarget(room, sectionId)
      for (const source of new Set(incoming.map((l) => l.sourceDocument))) if (source !== room.id) bump(source)
      if (incoming.some((l) => l.sourceDocument === room.id)) bump(room.id)
    },

    /** After both parties signed a section: its links' targets as they are now become the baseline. */
    onLocked(documentId: string, sectionId: string): void {
      const links = store.from(documentId).filter((l) => l.sourceSection === sectionId)
      setBaselines(links, false, null)
        .then(() => bump(documentId))
        .catch((error: unknown) => deps.logger.error({ err: error, documentId }, 'could not refresh link baselines'))
    },

    async reindexAll(): Promise<void> {
      for (const record of deps.catalog.list()) {
        try {
          await deps.withRoom(record.id, (room) => index(room, null))
        } catch (error) {
          // A document that cannot be loaded (quarantined after a corrupt row) must not keep the server
          // from starting for all the others.
          deps.logger.error({ err: error, documentId: record.id }, 'links not indexed: document could not be loaded')
        }
      }
    },

    async outgoing(user: User, documentId: string): Promise<OutgoingLink[]> {
      const links = store.from(documentId)
      const out: OutgoingLink[] = []
      for (const targetDocument of new Set(links.map((l) => l.targetDocument))) {
        const group = links.filter((l) => l.targetDocument === targetDocument)
        const record = access(user, targetDocument)
        if (!record) {
          for (const l of group)
            out.push({
              sourceSectionId: l.sourceSection,
              targetDocumentId: targetDocument,
              targetSectionId: l.targetSection,
              state: 'no-access',
              baselineAt: null,
            })
          continue
        }
        const read = await roomIfAvailable(deps.withRoom, targetDocument, (room) => {
          for (const l of group) {
            const section = sectionIn(room.doc, l.targetSection)
            const baseline = store.baseline(l)
            const known = store.target(targetDocument, l.targetSection)
            const base = {
              sourceSectionId: l.sourceSection,
              targetDocumentId: targetDocument,
              targetSectionId: l.targetSection,
              documentTitle: record.title,
              baselineAt: baseline?.at ?? null,
            }
            if (!section) {
              out.push({ ...base, state: 'broken', title: known?.title ?? '', number: known?.number ?? '' })
              continue
            }
            const suspect = baseline !== null && baseline.hash !== sectionContentHash(section)
            out.push({
              ...base,
              state: suspect ? 'suspect' : 'valid',
              title: section.title.toString(),
              number: numberOf(room.doc, section.id),
            })
          }
        })
        if (read.available) continue
        // The target document cannot be opened for now: the title and number it last had, state unknown.
        for (const l of group) {
          const known = store.target(targetDocument, l.targetSection)
          out.push({
            sourceSectionId: l.sourceSection,
            targetDocumentId: targetDocument,
            targetSectionId: l.targetSection,
            documentTitle: record.title,
            baselineAt: store.baseline(l)?.at ?? null,
            state: 'unavailable',
            title: known?.title ?? '',
            number: known?.number ?? '',
          })
        }
      }
      return out
    },

    async backlinks(user: User, documentId: string): Promise<Backlink[]> {
      const rows = store.to(documentId)
      const out: Backlink[] = []
      for (const sourceDocument of new Set(rows.map((l) => l.sourceDocument))) {
        const record = access(user, sourceDocument)
        if (!record) continue
        const group = rows.filter((l) => l.sourceDocument === sourceDocument)
        const read = await roomIfAvailable(deps.withRoom, sourceDocument, (room) =>
          group.map((l): Backlink => {
            const section = sectionIn(room.doc, l.sourceSection)
            return {
              targetSectionId: l.targetSection,
              sourceDocumentId: sourceDocument,
              sourceDocumentTitle: record.title,
              sourceSectionId: l.sourceSection,
              sourceTitle: section?.title.toString() ?? '',
              sourceNumber: numberOf(room.doc, l.sourceSection),
              context: l.context,
              sourceAvailable: true,
            }
          }),
        )
        // A source the server cannot open for now still links here: its sentence is in the index.
        out.push(
          ...(read.available
            ? read.value
            : group.map(
                (l): Backlink => ({
                  targetSectionId: l.targetSection,
                  sourceDocumentId: sourceDocument,
                  sourceDocumentTitle: record.title,
                  sourceSectionId: l.sourceSection,
                  sourceTitle: '',
                  sourceNumber: '',
                  context: l.context,
                  sourceAvailable: false,
                }),
              )),
        )
      }
      return out
    },

    /**
     * What changed in a link's target since its baseline, as word diff parts; a section link added to or
     * removed from the target is a part of its own, named for `user` (linkChanges.ts).
     */
    async changes(user: User, link: Omit<LinkRow, 'context'>): Promise<DiffPart[] | null> {
      if (!access(user, link.sourceDocument) || !access(user, link.targetDocument)) return null
      const baseline = store.baseline({ ...link, context: '' })
      const after = await deps.withRoom(link.targetDocument, (room) => {
        const section = sectionIn(room.doc, link.targetSection)
        return section ? sectionTitledRuns(section) : []
      })
      const labels = { catalog: deps.catalog, authorize: deps.authorize, withRoom: deps.withRoom, linkTargets: store }
      return linkChangeParts(labels, user, link.targetDocument, baselineRuns(baseline?.text ?? ''), after)
    },

    async review(user: User, link: Omit<LinkRow, 'context'>): Promise<boolean> {
      const exists = store
        .from(link.sourceDocument)
        .some(
          (l) =>
            l.sourceSection === link.sourceSection &&
            l.targetDocument === link.targetDocument &&
            l.targetSection === link.targetSection,
        )
      if (!exists || !access(user, link.targetDocument)) return false
      await setBaselines([{ ...link, context: '' }], false, user.id)
      bump(link.sourceDocument)
      return true
    },

    access,
  }
}

export type LinkService = ReturnType<typeof createLinkService>
