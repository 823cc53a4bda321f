// One document as the page sees it over time: normally one Collab for as long as the page is open;
// after a refusal that needs it, a rebuilt Collab takes over (the server's state under a fresh client
// id, with the user's changes replayed, see replayPending). The session is the only place that swaps
// them, at most once per refusal, and through the rebuild guard, so a document that is refused again
// and again never turns into a reconnect loop.
import type { Schema } from '@tiptap/pm/model'
import { type Collab, type CollabOptions, createCollab, type RebuildSource } from './createCollab.ts'
import { createStore, type Store } from './createStore.ts'
import { createRebuildGuard, type RebuildGuard } from './rebuildGuard.ts'
import { createSectionSchema } from './sectionSchema.ts'

export interface DocumentSession {
  /** The Collab in use now; it changes after a rebuild. */
  readonly current: Store<Collab>
  destroy(): void
}

export type DocumentSessionOptions = Omit<CollabOptions, 'onRebuildNeeded' | 'rebuildFrom'> & {
  readonly guard?: RebuildGuard
}

export function openDocumentSession({
  guard = createRebuildGuard(),
  ...options
}: DocumentSessionOptions): DocumentSession {
  let destroyed = false
  // Built on the first rebuild only: most pages never need it.
  let schema: Schema | null = null

  const open = (rebuildFrom?: RebuildSource): Collab => {
    const collab: Collab = createCollab({
      ...options,
      ...(rebuildFrom ? { rebuildFrom } : {}),
      onRebuildNeeded: () => void rebuild(collab),
    })
    collab.state.subscribe(() => {
      const state = collab.state.get()
      if (state.synced && state.saved && !state.rebuilding) guard.settle()
    })
    return collab
  }

  const current = createStore<Collab>(open())

  const rebuild = async (from: Collab): Promise<void> => {
    if (destroyed || current.get() !== from) return
    const delayMs = guard.next()
    if (delayMs === null) {
      from.giveUp()
      return
    }
    const refusals = from.state.get().refusals
    const previous = await from.detach()
    if (destroyed) {
      previous.destroy()
      return
    }
    schema ??= createSectionSchema()
    current.set(open({ previous, refusals, schema, delayMs }))
  }

  return {
    current,
    destroy() {
      destroyed = true
      current.get().destroy()
    },
  }
}
