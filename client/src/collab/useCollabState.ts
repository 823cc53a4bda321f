import { useSyncExternalStore } from 'react'
import type { Collab, CollabState } from './createCollab.ts'

const CLOSED_STATE: CollabState = {
  connection: 'connecting',
  synced: false,
  failedSinceSync: false,
  browserOnline: true,
  saved: false,
  localLoaded: false,
  access: null,
  refusals: [],
  closed: null,
  rebuilding: false,
}

const noSubscription = (): (() => void) => () => {}

/** The connection and save state of an open document (a neutral "connecting" state while none is open). */
export function useCollabState(collab: Collab | null): CollabState {
  return useSyncExternalStore(
    collab ? collab.state.subscribe : noSubscription,
    collab ? collab.state.get : () => CLOSED_STATE,
  )
}
