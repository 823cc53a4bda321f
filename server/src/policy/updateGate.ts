// The update gate: one function that decides, before anything is applied, whether an update from a
// connection may enter the document. It runs synchronously between check and apply (no await), one
// update at a time per room. It resolves every struct and delete range of the update to where it lands
// (resolveUpdate) and refuses the whole update when any part is not allowed. Section locks (sign-off)
// plug in as one more rule over the same touches.
import { CLIENT_WRITABLE_KEYS, RefusalReason, type RefusalReasonCode, SERVER_OWNED_KEYS } from '@novex/shared'
import type * as Y from 'yjs'
import type { Peer } from '../rooms/peer.ts'
import { resolveUpdate } from './resolveUpdate.ts'

export type GateVerdict =
  | { readonly accept: true; readonly clients: readonly number[] }
  | { readonly accept: false; readonly reason: RefusalReasonCode; readonly detail: string }

export interface GateInput {
  readonly peer: Peer
  readonly doc: Y.Doc
  readonly update: Uint8Array
  /** The live connection (other than this one) that writes with a client id, if any. */
  readonly liveWriter: (clientId: number) => Peer | null
  /** The user who first wrote with a client id in this document, if any. */
  readonly owner: (clientId: number) => string | null
}

export type UpdateGate = (input: GateInput) => GateVerdict

const refuse = (reason: RefusalReasonCode, detail: string): GateVerdict => ({ accept: false, reason, detail })

export function createUpdateGate(): UpdateGate {
  return ({ peer, doc, update, liveWriter, owner }) => {
    if (!peer.canEdit) return refuse(RefusalReason.readOnly, 'U kunt dit document alleen lezen.')
    const resolution = resolveUpdate(doc, update)
    if (!resolution.ok) return refuse(RefusalReason.unresolved, resolution.reason)
    for (const client of resolution.clients) {
      if (peer.writerIds.has(client)) continue
      const other = liveWriter(client)
      const ownerId = owner(client)
      // A client id belongs to the user who first wrote with it, and to one live connection at a time;
      // the same user reconnecting (its old socket not yet noticed as dead) may take it over.
      const foreignOwner = ownerId !== null && ownerId !== peer.user.id
      const foreignConnection = other !== null && other.user.id !== peer.user.id
      if (foreignOwner || foreignConnection) {
        return refuse(RefusalReason.foreignClient, `Client-id ${client} hoort bij een andere gebruiker of verbinding.`)
      }
    }
    for (const touch of resolution.touches) {
      if (SERVER_OWNED_KEYS.includes(touch.root)) {
        return refuse(RefusalReason.serverOwned, 'Alleen de server mag dit deel van het document wijzigen.')
      }
      if (!CLIENT_WRITABLE_KEYS.includes(touch.root)) {
        return refuse(RefusalReason.schema, `Het document heeft geen onderdeel "${touch.root}".`)
      }
    }
    return { accept: true, clients: resolution.clients }
  }
}
