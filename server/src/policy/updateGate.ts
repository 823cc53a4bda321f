// The update gate: one function that decides, before anything is applied, whether an update from a
// connection may enter the document. It runs synchronously between check and apply (no await), one
// update at a time per room. Later rules (section locks, server-owned maps) plug in here.
import { RefusalReason, type RefusalReasonCode, SERVER_OWNED_KEYS } from '@novex/shared'
import * as Y from 'yjs'
import type { Peer } from '../rooms/peer.ts'

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

export function createUpdateGate(): UpdateGate {
  return ({ peer, doc, update, liveWriter, owner }) => {
    if (!peer.canEdit) {
      return { accept: false, reason: RefusalReason.readOnly, detail: 'Deze verbinding mag alleen lezen.' }
    }
    const decoded = Y.decodeUpdate(update)
    const clients = new Set<number>()
    for (const struct of decoded.structs) clients.add(struct.id.client)
    for (const client of clients) {
      if (peer.writerIds.has(client)) continue
      const other = liveWriter(client)
      const ownerId = owner(client)
      // A client id belongs to the user who first wrote with it, and to one live connection at a time;
      // the same user reconnecting (its old socket not yet noticed as dead) may take it over.
      const foreignOwner = ownerId !== null && ownerId !== peer.user.id
      const foreignConnection = other !== null && other.user.id !== peer.user.id
      if (foreignOwner || foreignConnection) {
        return {
          accept: false,
          reason: RefusalReason.foreignClient,
          detail: `Client-id ${client} hoort bij een andere gebruiker of verbinding.`,
        }
      }
    }
    for (const struct of decoded.structs) {
      if (struct instanceof Y.Item && touchesServerOwned(doc, struct)) {
        return {
          accept: false,
          reason: RefusalReason.serverOwned,
          detail: 'Alleen de server mag dit deel van het document wijzigen.',
        }
      }
    }
    return { accept: true, clients: [...clients] }
  }
}

/**
 * Whether an item is written into one of the server-owned root types. An item names its parent either
 * directly (a root key or the id of the parent item) or, when it has a neighbour, only through that
 * neighbour (`origin` / `rightOrigin`), which the server resolves against its own store.
 * Full resolution of nested structs and delete ranges to sections arrives with the lock rules.
 */
function touchesServerOwned(doc: Y.Doc, item: Y.Item): boolean {
  const parent = item.parent
  if (typeof parent === 'string') return SERVER_OWNED_KEYS.includes(parent)
  if (parent !== null) return false
  const neighbour = item.origin ?? item.rightOrigin
  if (neighbour === null) return false
  const known = knownItem(doc, neighbour)
  if (known === null || !(known.parent instanceof Y.AbstractType) || known.parent._item !== null) return false
  for (const key of SERVER_OWNED_KEYS) if (doc.share.get(key) === known.parent) return true
  return false
}

function knownItem(doc: Y.Doc, id: Y.ID): Y.Item | null {
  if (id.clock >= Y.getState(doc.store, id.client)) return null
  const struct = Y.getItem(doc.store, id)
  return struct instanceof Y.Item ? struct : null
}
