// Sign-off on live documents. Every decision is taken on the room's in-memory document, synchronously
// between reading the section and recording the result, after the room's pending updates are written:
// no edit can land between "this is the hash both signed" and "the section is locked", and a lock
// never covers text that is not on disk. The ledger (SQLite) is the truth; the lock set the update gate
// reads and the Y.Doc mirror are both derived from it.
import {
  type Actor,
  type Decision,
  decideLapses,
  decideReopen,
  decideRequest,
  decideSign,
  foldLedger,
  getSection,
  isSectionId,
  type LedgerEvent,
  type NewLedgerEvent,
  OPEN_SECTION,
  type Readiness,
  type SectionSignoff,
  type Signature,
  sectionHash,
  writeSignoffMirror,
} from '@novex/shared'
import type { Logger } from 'pino'
import { ApiError } from '../api/respond.ts'
import type { Metrics } from '../metrics.ts'
import { requireCommitted } from '../rooms/requireCommitted.ts'
import type { Editors, Room } from '../rooms/room.ts'
import { requireNotFrozen } from '../status/requireNotFrozen.ts'
import type { LedgerStore } from './ledgerStore.ts'
import { readiness } from './readiness.ts'

export type WithRoom = <T>(documentId: string, work: (room: Room) => T) => Promise<T>

export interface SignoffDeps {
  readonly ledger: LedgerStore
  readonly withRoom: WithRoom
  readonly logger: Logger
  readonly metrics: Metrics
  /** After a section locked (for link baselines). */
  readonly onLocked?: (documentId: string, sectionId: string) => void
  /** After someone asked signatories to sign a section, or to reopen a locked one (for e-mail); must not throw. */
  readonly onRequested?: (request: SignoffRequest) => void
  /** After a signature locked a section (for e-mail); must not throw. */
  readonly onSectionLocked?: (locked: SectionLocked) => void
  /** After the other side confirmed reopening a locked section (for e-mail); must not throw. */
  readonly onSectionReopened?: (reopened: SectionReopened) => void
  /** After someone else's change to a section's text made a signature on it lapse (for e-mail); must not throw. */
  readonly onSignaturesLapsed?: (lapsed: SignatureLapsed) => void
}

/** A locked section reopened: `by` confirmed the request of the other side, which gave `reason`. */
export interface SectionReopened {
  readonly documentId: string
  readonly sectionId: string
  readonly sectionTitle: string
  readonly by: Actor
  readonly reason: string
}

/** A signature that lapsed because the text changed after it was given. */
export interface SignatureLapsed {
  readonly documentId: string
  readonly sectionId: string
  readonly sectionTitle: string
  readonly signature: Signature
}

/**
 * A signature that locked a section: `by` signed last, `state` holds both signatures, and `readiness` says
 * which of the eight required components are locked now (for an ontwikkelperspectief).
 */
export interface SectionLocked {
  readonly documentId: string
  readonly sectionId: string
  readonly sectionTitle: string
  readonly by: Actor
  readonly state: SectionSignoff
  readonly readiness: Readiness
}

/**
 * A request recorded: to sign a section (`sign`: the sides that signed it already are in `state`), or to
 * reopen a locked one (`reopen`: the other side must confirm; `reason` says why).
 */
export interface SignoffRequest {
  readonly kind: 'sign' | 'reopen'
  readonly documentId: string
  readonly sectionId: string
  readonly sectionTitle: string
  readonly by: Actor
  readonly state: SectionSignoff
  readonly reason: string | null
}

export interface HashMismatch {
  readonly documentId: string
  readonly sectionId: string
  readonly signedHash: string
  /** null when the locked section no longer exists. */
  readonly storedHash: string | null
}

export interface SignoffService {
  /** The sections the update gate must keep unchanged. */
  lockedSections(documentId: string): ReadonlySet<string>
  states(documentId: string): ReadonlyMap<string, SectionSignoff>
  ledger(documentId: string): LedgerEvent[]
  sign(documentId: string, sectionId: string, actor: Actor, expectedHash: string | null): Promise<SectionSignoff>
  reopen(documentId: string, sectionId: string, actor: Actor, reason: string): Promise<SectionSignoff>
  request(documentId: string, sectionId: string, actor: Actor): Promise<SectionSignoff>
  /** Room hooks: bring the mirror up to date on load; let signatures lapse when their text changed. */
  onRoomLoaded(room: Room): void
  onCommitted(room: Room, sections: ReadonlySet<string>, editors: Editors): void
  /** Recomputes every locked section's hash from the room's content. */
  verify(room: Room): HashMismatch[]
  verifyAll(): Promise<HashMismatch[]>
}

function sectionIn(room: Room, sectionId: string) {
  return isSectionId(sectionId) ? getSection(room.doc, sectionId) : null
}

interface DocumentState {
  readonly sections: Map<string, SectionSignoff>
  readonly locked: Set<string>
}

export function createSignoffService(deps: SignoffDeps): SignoffService {
  const cache = new Map<string, DocumentState>()

  const stateOf = (documentId: string): DocumentState => {
    const cached = cache.get(documentId)
    if (cached) return cached
    const sections = foldLedger(deps.ledger.list(documentId))
    const locked = new Set([...sections].filter(([, s]) => s.locked !== null).map(([id]) => id))
    const state = { sections, locked }
    cache.set(documentId, state)
    return state
  }

  const sectionState = (documentId: string, sectionId: string): SectionSignoff =>
    stateOf(documentId).sections.get(sectionId) ?? OPEN_SECTION

  /** Appends events to the ledger, then updates the lock set and the mirror from the new fold. */
  const record = (room: Room, events: readonly NewLedgerEvent[]): void => {
    if (events.length === 0) return
    deps.ledger.append(room.id, events)
    cache.delete(room.id)
    const state = stateOf(room.id)
    const touched = new Map<string, SectionSignoff>()
    for (const event of events) touched.set(event.sectionId, state.sections.get(event.sectionId) ?? OPEN_SECTION)
    room.applyServerChange((doc) => writeSignoffMirror(doc, touched))
    for (const event of events) if (event.kind === 'lock') deps.onLocked?.(room.id, event.sectionId)
    deps.logger.info(
      { documentId: room.id, events: events.map((e) => `${e.kind}:${e.sectionId}`) },
      'sign-off ledger appended',
    )
  }

  /** The current hash of a section, after everything applied to the room is on disk. */
  const committedHash = (room: Room, sectionId: string): string => {
    requireCommitted(room)
    const section = sectionIn(room, sectionId)
    if (!section) throw new ApiError(404, 'section_not_found', 'Dit onderdeel bestaat niet (meer).')
    return sectionHash(section)
  }

  const apply = (room: Room, decision: Decision): void => {
    if (!decision.ok) throw new ApiError(decision.status, decision.code, decision.message)
    record(room, decision.events)
  }

  const verify = (room: Room): HashMismatch[] => {
    const mismatches: HashMismatch[] = []
    for (const [sectionId, state] of stateOf(room.id).sections) {
      if (!state.locked) continue
      const section = sectionIn(room, sectionId)
      const storedHash = section ? sectionHash(section) : null
      if (storedHash === state.locked.hash) continue
      mismatches.push({ documentId: room.id, sectionId, signedHash: state.locked.hash, storedHash })
    }
    for (const mismatch of mismatches) {
      deps.metrics.signoffHashMismatches++
      deps.logger.error(mismatch, 'SIGN-OFF HASH MISMATCH: a locked section no longer matches what both parties signed')
    }
    return mismatches
  }

  return {
    lockedSections: (documentId) => stateOf(documentId).locked,
    states: (documentId) => stateOf(documentId).sections,
    ledger: (documentId) => deps.ledger.list(documentId),

    sign: (documentId, sectionId, actor, expectedHash) =>
      deps.withRoom(documentId, (room) => {
        const hash = committedHash(room, sectionId)
        if (expectedHash !== null && expectedHash !== hash)
          throw new ApiError(
            409,
            'content_changed',
            'De tekst van dit onderdeel is gewijzigd sinds u hem las. Lees de nieuwe tekst en onderteken opnieuw.',
          )
        const before = sectionState(documentId, sectionId)
        apply(room, decideSign(sectionId, before, actor, hash))
        const state = sectionState(documentId, sectionId)
        if (before.locked === null && state.locked !== null)
          deps.onSectionLocked?.({
            documentId,
            sectionId,
            sectionTitle: sectionIn(room, sectionId)?.title.toString() ?? '',
            by: actor,
            state,
            readiness: readiness(room.doc, stateOf(documentId).sections),
          })
        return state
      }),

    reopen: (documentId, sectionId, actor, reason) =>
      deps.withRoom(documentId, (room) => {
        requireNotFrozen(room.doc)
        committedHash(room, sectionId)
        const before = sectionState(documentId, sectionId)
        apply(room, decideReopen(sectionId, before, actor, reason))
        const state = sectionState(documentId, sectionId)
        if (before.locked !== null && state.locked === null)
          deps.onSectionReopened?.({
            documentId,
            sectionId,
            sectionTitle: sectionIn(room, sectionId)?.title.toString() ?? '',
            by: actor,
            reason: before.reopenRequest?.reason ?? '',
          })
        // The first party's request waits for the other party; the confirmation reopens at once.
        if (state.reopenRequest !== null) {
          const sectionTitle = sectionIn(room, sectionId)?.title.toString() ?? ''
          const why = state.reopenRequest.reason
          deps.onRequested?.({ kind: 'reopen', documentId, sectionId, sectionTitle, by: actor, state, reason: why })
        }
        return state
      }),

    request: (documentId, sectionId, actor) =>
      deps.withRoom(documentId, (room) => {
        const hash = committedHash(room, sectionId)
        apply(room, decideRequest(sectionId, sectionState(documentId, sectionId), actor, hash))
        const state = sectionState(documentId, sectionId)
        const sectionTitle = sectionIn(room, sectionId)?.title.toString() ?? ''
        deps.onRequested?.({ kind: 'sign', documentId, sectionId, sectionTitle, by: actor, state, reason: null })
        return state
      }),

    onRoomLoaded: (room) => {
      const { sections } = stateOf(room.id)
      if (sections.size > 0) room.applyServerChange((doc) => writeSignoffMirror(doc, sections))
    },

    onCommitted: (room, sections, editors) => {
      const states = stateOf(room.id).sections
      const lapses: NewLedgerEvent[] = []
      const lapsed: SignatureLapsed[] = []
      for (const sectionId of sections) {
        const state = states.get(sectionId)
        if (!state || state.signatures.length === 0 || state.locked) continue
        const section = sectionIn(room, sectionId)
        const events = decideLapses(sectionId, state, section ? sectionHash(section) : 'verwijderd')
        lapses.push(...events)
        const sectionTitle = section?.title.toString() ?? ''
        for (const event of events) {
          const signature = state.signatures.find((s) => s.signer.side === event.side && s.hash === event.hash)
          if (signature) lapsed.push({ documentId: room.id, sectionId, sectionTitle, signature })
        }
      }
      record(room, lapses)
      if (lapsed.length === 0) return
      // Who changed the text knows; the other signers are told.
      const changedBy = editors()
      for (const one of lapsed) if (!changedBy.has(one.signature.signer.userId)) deps.onSignaturesLapsed?.(one)
    },

    verify,

    verifyAll: async () => {
      const mismatches: HashMismatch[] = []
      for (const documentId of deps.ledger.documents()) {
        if (stateOf(documentId).locked.size === 0) continue
        try {
          mismatches.push(...(await deps.withRoom(documentId, verify)))
        } catch (error) {
          // One document that cannot be loaded (a corrupt row quarantines it) must not stop the server
          // from starting for all the others; it stays unavailable and is logged loudly.
          deps.logger.error({ err: error, documentId }, 'sign-off verification skipped: document could not be loaded')
        }
      }
      return mismatches
    },
  }
}
