// Gives this page a fresh Yjs client id (document and awareness alike) after a connection was lost.
//
// Why: when the network drops without a clean close (a cut cable, a sleeping laptop, Wi-Fi gone), the
// server keeps the old socket until its heartbeat notices, and until then that stale connection still
// "owns" our client id. The update gate refuses structs whose client id belongs to another live
// connection, and the server drops presence for a client id another connection speaks for. Edits
// made while offline, and the presence after reconnecting, therefore go out under a new id. Yjs
// itself changes `doc.clientID` when it detects a clash, so a change between transactions is safe.
//
// The awareness id must follow: the caret plugin hides the caret whose awareness id equals
// `doc.clientID` (one's own), and the presence list marks "(u)" the same way.
import * as random from 'lib0/random'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'

export function rotateClientId(doc: Y.Doc, awareness: Awareness): void {
  const state = awareness.getLocalState()
  // Drop the old entry locally (nothing is sent: we are disconnected; others time it out, and the
  // server removes it with the stale connection).
  awareness.setLocalState(null)
  doc.clientID = random.uint32()
  awareness.clientID = doc.clientID
  if (state !== null) awareness.setLocalState(state)
}
