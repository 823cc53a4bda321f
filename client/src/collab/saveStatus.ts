// What the save indicator says. The four texts (`connection:saveStatus.*`, in Dutch "Verbinden…",
// "Opslaan…", "Opgeslagen", "Offline — wijzigingen worden lokaal bewaard") are part of the client's
// contract: tests and users rely on them verbatim. A fifth, "Niet opgeslagen — …", is for a document
// the server cannot open, and for a page it closed for good without access: the network is fine, so the
// page must not say "Offline" (the notice above the text says why).
import { CloseCode } from '@novex/shared'
import type { CollabState } from './createCollab.ts'

export type SaveStatus = 'connecting' | 'saving' | 'saved' | 'offline' | 'notSaved'

/** The catalogue key (namespace `connection`) of each status's text. */
export const SAVE_STATUS_KEY: Readonly<Record<SaveStatus, string>> = {
  connecting: 'saveStatus.connecting',
  saving: 'saveStatus.saving',
  saved: 'saveStatus.saved',
  offline: 'saveStatus.offline',
  notSaved: 'saveStatus.notSaved',
}

export function saveStatusOf(state: CollabState): SaveStatus {
  if (!state.browserOnline) return 'offline'
  // Closed for good: an ended session sends its changes after the next login (as after being offline);
  // without access to the document (or with the document gone) nothing will be saved from this page.
  if (state.closed !== null) return state.closed.code === CloseCode.unauthenticated ? 'offline' : 'notSaved'
  // Until the next sync: the server refuses the document, not the network the page.
  if (state.unavailable) return 'notSaved'
  // Being rebuilt after a refusal: the connection is new and the user's changes are not replayed yet.
  if (state.rebuilding) return state.failedSinceSync ? 'offline' : 'connecting'
  if (state.connection === 'connected' && state.synced) return state.saved ? 'saved' : 'saving'
  // Before the first sync we are connecting; after a failed attempt or a drop we are offline until
  // the next sync, even while a reconnect is in progress.
  return state.failedSinceSync ? 'offline' : 'connecting'
}

/** What the save indicator's live region holds: a status it said, or nothing yet, before the page first
 * synced ('opening') or after it ('quiet'). */
export type SaveAnnouncement = SaveStatus | 'opening' | 'quiet'

/**
 * What the save indicator's live region says next, given what it holds. The indicator itself flips
 * "Opslaan…" → "Opgeslagen" with every keystroke; a screen reader that announced each flip would talk
 * after every character. So the live region is silent while the page opens and while typing is saved as
 * usual; it says "Verbinden…" (being rebuilt) and "Offline…" when they happen, and "Opgeslagen" once the
 * page is connected and saved again after them: the moment the user's offline work is safe.
 */
export function announcedSaveStatus(previous: SaveAnnouncement, status: SaveStatus): SaveAnnouncement {
  switch (status) {
    case 'connecting':
      return previous === 'opening' ? previous : status
    case 'offline':
    case 'notSaved':
      return status
    case 'saving':
    case 'saved':
      if (previous === 'opening') return 'quiet'
      return status === 'saved' && (previous === 'connecting' || previous === 'offline' || previous === 'notSaved')
        ? status
        : previous
  }
}

/** The status a live region holding `announcement` says, if any. */
export function spokenSaveStatus(announcement: SaveAnnouncement): SaveStatus | null {
  return announcement === 'opening' || announcement === 'quiet' ? null : announcement
}
