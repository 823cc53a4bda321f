// Waiting until the server holds every change this page made so far ("Opgeslagen"): synced on the current
// connection and every local change acknowledged as persisted (saveTracker.ts). Waits through a lost
// connection; for work that needs the server to have a change first (a comment handed over to text that
// an undo brought back: features/comments/useRestoreOnUndo.ts).
import type { CollabState } from './createCollab.ts'
import type { Store } from './createStore.ts'

const isSaved = (state: CollabState): boolean => state.synced && state.saved

/** Resolves once the page's changes so far are saved; rejects when `signal` aborts first. */
export function untilSaved(state: Store<CollabState>, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason)
      return
    }
    if (isSaved(state.get())) {
      resolve()
      return
    }
    const stop = (): void => {
      unsubscribe()
      signal.removeEventListener('abort', abort)
    }
    const abort = (): void => {
      stop()
      reject(signal.reason)
    }
    const unsubscribe = state.subscribe(() => {
      if (!isSaved(state.get())) return
      stop()
      resolve()
    })
    signal.addEventListener('abort', abort)
  })
}
