// The update gate: one function that decides, before anything is applied, whether an update from a
// connection may enter the document. It runs synchronously between check and apply (no await), one
// update at a time per room. It resolves every struct and delete range of the update to where it lands
// (resolveUpdate) and refuses the whole update when any part is not allowed, including any change
// inside a section that both parties signed off (only its rank may change), and any content outside
// the editor's schema (contentPolicy: unknown nodes, marks or attributes, script links, huge values).
import {
  CLIENT_WRITABLE_KEYS,
  DOC_KEYS,
  RefusalReason,
  type RefusalReasonCode,
  SECTION_KEYS,
  SERVER_OWNED_KEYS,
} from '@novex/shared'
import type * as Y from 'yjs'
import type { Peer } from '../rooms/peer.ts'
import { FROZEN_MESSAGE } from '../status/requireNotFrozen.ts'
import { contentProblem } from './contentPolicy.ts'
import { resolveUpdate } from './resolveUpdate.ts'

export type GateVerdict =
  | {
      readonly accept: true
      readonly clients: readonly number[]
      /** The sections the update changes (any field), for the sign-off lapse check. */
      readonly sections: readonly string[]
    }
  | { readonly accept: false; readonly reason: RefusalReasonCode; readonly detail: string }

export interface GateInput {
  /** The document the update is for (an image in its content must be this document's). */
  readonly documentId: string
  readonly peer: Peer
  readonly doc: Y.Doc
  readonly update: Uint8Array
  /** The live connection (other than this one) that writes with a client id, if any. */
  readonly liveWriter: (clientId: number) => Peer | null
  /** The user who first wrote with a client id in this document, if any. */
  readonly owner: (clientId: number) => string | null
  /** Sections signed off by both parties: nothing in them may change but their place (rank). */
  readonly lockedSections: ReadonlySet<string>
  /** The document lies ter instemming or is adopted: nothing in its sections may change. */
  readonly frozen: boolean
}

/** The one field of a locked section that may still change: moving it keeps its text as signed. */
const MOVABLE_WHEN_LOCKED: ReadonlySet<string | null> = new Set([SECTION_KEYS.rank])

export type UpdateGate = (input: GateInput) => GateVerdict

const refuse = (reason: RefusalReasonCode, detail: string): GateVerdict => ({ accept: false, reason, detail })

export function createUpdateGate(): UpdateGate {
  return ({ documentId, peer, doc, update, liveWriter, owner, lockedSections, frozen }) => {
    const resolution = resolveUpdate(doc, update)
    if (!peer.canEdit) {
      // Every page answers the server's sync step 1 with what it has that the server lacks: for a
      // reader that is nothing (all of it known, its deletions already made). Not a change: nothing to
      // refuse, and nothing to keep as a refused change.
      if (changesNothing(resolution)) return { accept: true, clients: [], sections: [] }
      return refuse(RefusalReason.readOnly, 'U kunt dit document alleen lezen.')
    }
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
    const sections = new Set<string>()
    if (frozen && resolution.touches.some((touch) => touch.root === DOC_KEYS.sections)) {
      return refuse(RefusalReason.frozen, FROZEN_MESSAGE)
    }
    for (const touch of resolution.touches) {
      if (touch.root === DOC_KEYS.sections && touch.sectionId !== null) {
        sections.add(touch.sectionId)
        if (lockedSections.has(touch.sectionId) && !MOVABLE_WHEN_LOCKED.has(touch.field)) {
          return refuse(
            RefusalReason.locked,
            'Dit onderdeel is door het Rijk en de provincie ondertekend en kan niet meer worden gewijzigd.',
          )
        }
      }
      if (SERVER_OWNED_KEYS.includes(touch.root)) {
        return refuse(RefusalReason.serverOwned, 'Alleen de server mag dit deel van het document wijzigen.')
      }
      if (!CLIENT_WRITABLE_KEYS.includes(touch.root)) {
        return refuse(RefusalReason.schema, `Het document heeft geen onderdeel "${touch.root}".`)
      }
    }
    const problem = contentProblem(documentId, resolution.contentRoots, resolution.contentItems)
    if (problem !== null) return refuse(RefusalReason.content, problem)
    return { accept: true, clients: resolution.clients, sections: [...sections] }
  }
}

/** The update adds no struct the server lacks and deletes nothing that is not deleted yet. */
function changesNothing(resolution: ReturnType<typeof resolveUpdate>): boolean {
  return resolution.ok && resolution.touches.length === 0 && resolution.clients.length === 0
}
