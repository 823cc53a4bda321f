// One document as the page sees it over time: normally one Collab for as long as the page is open;
// after a refusal that needs it, a rebuilt Collab takes over (the server's state under a fresh client
// id, with the user's changes replayed, see replayPending). The session is the only place that swaps
// them, at most once per refusal, and through the rebuild guard, so a document that is refused again
// and again never turns into a reconnect loop.
//
// While the rebuilt Collab connects and syncs, the refused one stays on the page: its editors keep
// taking the user's keys (into its document and its local copy), and the replay, which reads that
// document the moment the rebuilt one has the server's state, carries them over. The swap follows at
// once. So no key typed during a rebuild is lost, however long the rebuild waits.
//
// The same swap, without the replay and without the guard, drops changes the user chose to drop
// (Collab.discardUnsaved: refused as read-only, they could never be sent).
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

export type DocumentSessionOptions = Omit<CollabOptions, 'onRebuildNeeded' | 'onDiscardRequested' | 'rebuildFrom'> & {
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
      onRebuildNeeded: () => rebuild(collab, false),
      onDiscardRequested: () => rebuild(collab, true),
    })
    collab.state.subscribe(() => {
      const state = collab.state.get()
      if (state.synced && state.saved && !state.rebuilding) guard.settle()
    })
    return collab
  }

  const current = createStore<Collab>(open())
  // The rebuilt Collab until its replay is done; the refused one is `current` until then.
  let rebuilt: Collab | null = null

  /** `discard`: the user dropped the refused changes; asked once, not a loop the guard must stop. */
  const rebuild = (from: Collab, discard: boolean): void => {
    if (destroyed || current.get() !== from || rebuilt !== null) return
    const delayMs = discard ? 0 : guard.next()
    if (delayMs === null) {
      from.giveUp()
      return
    }
    schema ??= createSectionSchema()
    let unfollow = (): void => {}
    const next = open({
      previous: from.doc,
      // Dropped with the changes they were about.
      refusals: discard ? [] : from.state.get().refusals,
      schema,
      delayMs,
      discard,
      release: async () => {
        rebuilt = null
        current.set(next)
        unfollow()
        const previous = await from.detach()
        previous.destroy()
      },
    })
    rebuilt = next
    // The page shows the refused Collab meanwhile; its save state follows the rebuild's connection.
    unfollow = next.state.subscribe(() => {
      const { failedSinceSync } = next.state.get()
      if (from.state.get().failedSinceSync !== failedSinceSync) {
        from.state.update((state) => ({ ...state, failedSinceSync }))
      }
    })
  }

  return {
    current,
    destroy() {
      destroyed = true
      rebuilt?.destroy()
      current.get().destroy()
    },
  }
}
