// The page sends only its own presence to the server, never the presence it received from others.
//
// Why: y-websocket 3.1's provider sends an awareness frame for every awareness change, whatever its
// origin (`_awarenessUpdateHandler` in y-websocket.js), so each remote caret movement the page applies
// goes straight back to the server. With n people in a document every keystroke's caret then costs the
// server n − 1 extra frames to parse and drop (the server only accepts presence for client ids the
// connection speaks for, policy/stampAwareness.ts), and the page an encoding and a send per remote
// keystroke (0.25 ms each in the client benchmark's profile, issue 7). The N² pattern is known upstream
// (https://github.com/yjs/yjs/issues/732). The server already forwards every presence to everyone.
//
// What stays as before: the local state after every change (setLocalState/setLocalStateField, the
// 15-second renewal), the "gone" state on unload (`removeAwarenessStates(…, [own id], 'app closed')`),
// and the state y-websocket sends itself when a connection opens.
import { MessageType } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type { WebsocketProvider } from 'y-websocket'

interface AwarenessChanges {
  readonly added: readonly number[]
  readonly updated: readonly number[]
  readonly removed: readonly number[]
}

/** Replaces the provider's awareness sender; returns the function that removes ours. */
export function sendOwnPresenceOnly(provider: WebsocketProvider): () => void {
  const { awareness } = provider
  awareness.off('update', provider._awarenessUpdateHandler)
  const handleUpdate = ({ added, updated, removed }: AwarenessChanges): void => {
    const own = awareness.clientID
    if (!added.includes(own) && !updated.includes(own) && !removed.includes(own)) return
    const socket = provider.ws
    if (socket === null || !provider.wsconnected) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.awareness)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [own]))
    socket.send(encoding.toUint8Array(encoder))
  }
  awareness.on('update', handleUpdate)
  return () => awareness.off('update', handleUpdate)
}
