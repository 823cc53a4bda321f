// What the link node views, the picker and the backlink lists of one document page share.
import type { DocumentKind } from '@novex/shared'
import { createContext, useContext, useSyncExternalStore } from 'react'
import type { LinksSnapshot, LinksStore } from './linksStore.ts'

export interface LinksContextValue {
  readonly store: LinksStore
  /** Edit rights on this document: insert links, mark suspect links reviewed. */
  readonly canEdit: boolean
  /** The kind of this document, for the wording ("Koppelen aan ruimtelijk voorstel"); null while unknown. */
  readonly kind: DocumentKind | null
}

export const LinksContext = createContext<LinksContextValue | null>(null)

/** Null outside a document page (a node view in a read-only version, say): links then show no live data. */
export function useLinksContext(): LinksContextValue | null {
  return useContext(LinksContext)
}

const EMPTY_SNAPSHOT: LinksSnapshot = { links: [], backlinks: [], loaded: false, error: null }
const noSubscription = (): (() => void) => () => {}

export function useLinksSnapshot(store: LinksStore | null): LinksSnapshot {
  return useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    store ? store.getSnapshot : () => EMPTY_SNAPSHOT,
  )
}
