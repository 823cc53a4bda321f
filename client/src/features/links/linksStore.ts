// The link information of one open document, shared by every link node view and backlink list on the
// page: this document's outgoing links with their live state and title, and the backlinks into it.
// One fetch serves all of them. It is refetched when the server bumps `meta.linksRevision` (a target
// renamed, edited, deleted; a link reviewed), when a section title of this document changes (links
// within the document), and when the set of links in the content changes (a link inserted or removed
// here: the server indexes it on commit, so we ask again a little later as well). After a failed
// fetch (offline, server error) it tries again with a growing delay and when the browser is online.
import {
  type Backlink,
  findSectionLinks,
  LINKS_REVISION_KEY,
  type LinkState,
  metaMap,
  type OutgoingLink,
  SECTION_KEYS,
  sectionsMap,
} from '@novex/shared'
import type * as Y from 'yjs'
import { type ApiError, isTransientFailure } from '../../api/documents.ts'
import { fetchBacklinks, fetchLinks, type LinkTarget } from '../../api/links.ts'
import { sectionChange } from '../../collab/sectionChange.ts'

export interface LinksSnapshot {
  readonly links: readonly OutgoingLink[]
  readonly backlinks: readonly Backlink[]
  /** True once the first answer arrived (or failed). */
  readonly loaded: boolean
  /** The failure of the last fetch (shown by its status and code where it is shown), or null. */
  readonly error: ApiError | Error | null
}

/** A state change of a link seen on this page, for the live region. */
export interface LinkStateChange {
  readonly link: OutgoingLink
  readonly before: LinkState
}

export interface LinksStore {
  readonly documentId: string
  getSnapshot(): LinksSnapshot
  subscribe(listener: () => void): () => void
  /** Called with the links whose state changed between two answers (never for the first answer). */
  onStateChanges(listener: (changes: readonly LinkStateChange[]) => void): () => void
  /** The section of this document whose content is `fragment`. */
  sectionIdOf(fragment: Y.XmlFragment): string | null
  /** Keeps what the picker showed, so a new link has a title before the server has indexed it. */
  remember(target: LinkTarget): void
  remembered(targetDocumentId: string, targetSectionId: string): LinkTarget | undefined
  refresh(): void
  destroy(): void
}

const EMPTY: LinksSnapshot = { links: [], backlinks: [], loaded: false, error: null }
/** Typing in a title or the text should not fetch per key. */
const LOCAL_CHANGE_DELAY_MS = 500
/** The server indexes a new link when it commits the update; a second look catches a slow commit. */
const LATE_LOOK_MS = 2_500
/** After a failure the server may not be reachable: try again, less often each time. */
const RETRY_MS = [2_000, 5_000, 15_000, 30_000] as const

export function keyOf(targetDocumentId: string, targetSectionId: string): string {
  return `${targetDocumentId}\u0000${targetSectionId}`
}

/** The server's entry for one link node: same source section when known, else any link to the same target. */
export function findLink(
  links: readonly OutgoingLink[],
  sourceSectionId: string | null,
  targetDocumentId: string,
  targetSectionId: string,
): OutgoingLink | undefined {
  let fallback: OutgoingLink | undefined
  for (const link of links) {
    if (link.targetDocumentId !== targetDocumentId || link.targetSectionId !== targetSectionId) continue
    if (link.sourceSectionId === sourceSectionId) return link
    fallback ??= link
  }
  return fallback
}

/** The targets picked on a page, by keyOf: kept across the stores of one document (useLinksStore). */
export type PickedTargets = Map<string, LinkTarget>

/** `picked`: what earlier stores of this document on this page remembered (a rebuilt doc gets a new store). */
export function createLinksStore(documentId: string, doc: Y.Doc, picked: PickedTargets = new Map()): LinksStore {
  let snapshot = EMPTY
  const listeners = new Set<() => void>()
  const changeListeners = new Set<(changes: readonly LinkStateChange[]) => void>()
  const pickedTargets = picked
  const sectionOfFragment = new WeakMap<Y.XmlFragment, string>()
  let controller: AbortController | null = null
  let again = false
  let destroyed = false
  let localTimer: ReturnType<typeof setTimeout> | null = null
  let lateTimer: ReturnType<typeof setTimeout> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let failures = 0
  let linkSignature = signatureOf(doc)

  const publish = (next: LinksSnapshot): void => {
    snapshot = next
    for (const listener of listeners) listener()
  }

  const load = async (): Promise<void> => {
    if (destroyed) return
    if (controller !== null) {
      // One request at a time; whatever was asked meanwhile is asked once more afterwards.
      again = true
      return
    }
    const current = new AbortController()
    controller = current
    try {
      const [links, backlinks] = await Promise.all([
        fetchLinks(documentId, current.signal),
        fetchBacklinks(documentId, current.signal),
      ])
      if (current.signal.aborted) return
      const changes = snapshot.loaded ? stateChanges(snapshot.links, links) : []
      failures = 0
      publish({ links, backlinks, loaded: true, error: null })
      if (changes.length > 0) for (const listener of changeListeners) listener(changes)
    } catch (error) {
      if (current.signal.aborted) return
      publish({ ...snapshot, loaded: true, error: error instanceof Error ? error : new Error(String(error)) })
      // Offline or a server error: the revision may not change again, so we ask again ourselves.
      if (isTransientFailure(error) && retryTimer === null && !destroyed) {
        const delay = RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]
        failures++
        retryTimer = setTimeout(() => {
          retryTimer = null
          void load()
        }, delay)
      }
    } finally {
      if (controller === current) controller = null
      if (again && !destroyed) {
        again = false
        void load()
      }
    }
  }

  const handleMeta = (event: Y.YMapEvent<unknown>): void => {
    if (event.keysChanged.has(LINKS_REVISION_KEY)) void load()
  }

  const handleSections = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    const kinds = events.map((event) => sectionChange(event.target, sections))
    const titleChanged = kinds.includes('title')
    const contentChanged = kinds.includes('content')
    if (!titleChanged && !contentChanged) return
    if (localTimer !== null) clearTimeout(localTimer)
    localTimer = setTimeout(() => {
      localTimer = null
      const signature = signatureOf(doc)
      const linksChanged = signature !== linkSignature
      linkSignature = signature
      const linksHere = snapshot.links.some((link) => link.targetDocumentId === documentId)
      if (linksChanged || (titleChanged && linksHere)) void load()
      if (linksChanged) {
        if (lateTimer !== null) clearTimeout(lateTimer)
        lateTimer = setTimeout(() => {
          lateTimer = null
          void load()
        }, LATE_LOOK_MS)
      }
    }, LOCAL_CHANGE_DELAY_MS)
  }

  const handleOnline = (): void => void load()

  const meta = metaMap(doc)
  const sections = sectionsMap(doc)
  meta.observe(handleMeta)
  sections.observeDeep(handleSections)
  window.addEventListener('online', handleOnline)
  void load()

  return {
    documentId,
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    onStateChanges(listener) {
      changeListeners.add(listener)
      return () => changeListeners.delete(listener)
    },
    sectionIdOf(fragment) {
      const known = sectionOfFragment.get(fragment)
      if (known !== undefined) return known
      for (const [id, section] of sections) {
        if (section.get(SECTION_KEYS.content) === fragment) {
          sectionOfFragment.set(fragment, id)
          return id
        }
      }
      return null
    },
    remember(target) {
      pickedTargets.set(keyOf(target.documentId, target.sectionId), target)
    },
    remembered: (targetDocumentId, targetSectionId) => pickedTargets.get(keyOf(targetDocumentId, targetSectionId)),
    refresh: () => void load(),
    destroy() {
      destroyed = true
      controller?.abort()
      if (localTimer !== null) clearTimeout(localTimer)
      if (lateTimer !== null) clearTimeout(lateTimer)
      if (retryTimer !== null) clearTimeout(retryTimer)
      window.removeEventListener('online', handleOnline)
      meta.unobserve(handleMeta)
      sections.unobserveDeep(handleSections)
      listeners.clear()
      changeListeners.clear()
    },
  }
}

/** Which links the content holds now (source section and target), to notice insertions and removals. */
function signatureOf(doc: Y.Doc): string {
  return findSectionLinks(doc)
    .map((link) => `${link.sourceSectionId}>${keyOf(link.targetDocumentId, link.targetSectionId)}`)
    .sort()
    .join('\n')
}

function stateChanges(before: readonly OutgoingLink[], after: readonly OutgoingLink[]): LinkStateChange[] {
  const old = new Map(before.map((l) => [`${l.sourceSectionId}>${keyOf(l.targetDocumentId, l.targetSectionId)}`, l]))
  const changes: LinkStateChange[] = []
  for (const link of after) {
    const previous = old.get(`${link.sourceSectionId}>${keyOf(link.targetDocumentId, link.targetSectionId)}`)
    if (previous !== undefined && previous.state !== link.state) changes.push({ link, before: previous.state })
  }
  return changes
}
