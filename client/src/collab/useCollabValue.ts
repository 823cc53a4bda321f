// React's view of an open document's connection and save state. A component subscribes to the part it
// shows (`useCollabValue`): the save state changes twice per keystroke (saving, then saved), and a
// page that read the whole state re-rendered everything on it, eight sections included, in the task of
// the keystroke (issue 7).
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
  storageFault: false,
  rightsVersion: 0,
  refusals: [],
  closed: null,
  rebuilding: false,
  unavailable: false,
}

const noSubscription = (): (() => void) => () => {}

/**
 * One value derived from the state (a neutral "connecting" state while no document is open); the
 * component re-renders only when it changes (Object.is), so `select` returns a primitive or a part of
 * the state, never a new object.
 */
export function useCollabValue<T>(collab: Collab | null, select: (state: CollabState) => T): T {
  return useSyncExternalStore(collab ? collab.state.subscribe : noSubscription, () =>
    select(collab ? collab.state.get() : CLOSED_STATE),
  )
}
