// What the save indicator says. The four texts (`connection:saveStatus.*`, in Dutch "Verbinden…",
// "Opslaan…", "Opgeslagen", "Offline — wijzigingen worden lokaal bewaard") are part of the client's
// contract: tests and users rely on them verbatim.
import type { CollabState } from './createCollab.ts'

export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline'

/** The catalogue key (namespace `connection`) of each status's text. */
export const SAVE_STATUS_KEY: Readonly<Record<SaveStatus, string>> = {
  connecting: 'saveStatus.connecting',
  saving: 'saveStatus.saving',
  saved: 'saveStatus.saved',
  offline: 'saveStatus.offline',
}

export function saveStatusOf(state: CollabState): SaveStatus {
  if (state.closed !== null || !state.browserOnline) return 'offline'
  // Being rebuilt after a refusal: the connection is new and the user's changes are not replayed yet.
  if (state.rebuilding) return state.failedSinceSync ? 'offline' : 'connecting'
  if (state.connection === 'connected' && state.synced) return state.saved ? 'saved' : 'saving'
  // Before the first sync we are connecting; after a failed attempt or a drop we are offline until
  // the next sync, even while a reconnect is in progress.
  return state.failedSinceSync ? 'offline' : 'connecting'
}
