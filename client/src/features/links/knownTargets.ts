// What the page knows of a link target in another document (its number, title and document), for text
// that names links without a live node view: the refused or unsaved text of the connection notices.
// A link picked on this page is remembered by the store; otherwise any stored link to the same section
// says it. Undefined when nothing here knows the target.
import { createContext, useContext } from 'react'
import type { LinksStore } from './linksStore.ts'

export interface KnownTarget {
  readonly number: string
  readonly title: string
  readonly documentTitle: string
}

export type KnownTargets = (documentId: string, sectionId: string) => KnownTarget | undefined

export const NO_KNOWN_TARGETS: KnownTargets = () => undefined

export function knownTargetsOf(store: LinksStore | null): KnownTargets {
  if (store === null) return NO_KNOWN_TARGETS
  return (documentId, sectionId) => {
    const picked = store.remembered(documentId, sectionId)
    if (picked) return { number: picked.number, title: picked.title, documentTitle: picked.documentTitle }
    const stored = store
      .getSnapshot()
      .links.find((l) => l.targetDocumentId === documentId && l.targetSectionId === sectionId && l.title !== undefined)
    return stored?.title === undefined
      ? undefined
      : { number: stored.number ?? '', title: stored.title, documentTitle: stored.documentTitle ?? '' }
  }
}

export const KnownTargetsContext = createContext<KnownTargets>(NO_KNOWN_TARGETS)

export function useKnownTargets(): KnownTargets {
  return useContext(KnownTargetsContext)
}
