// One document in memory: its Y.Doc, awareness and peers. A room applies accepted updates at once (so
// the gate sees the latest state), but broadcasts and acknowledges them only after they are committed:
// the updates of one event-loop turn are merged into one row, written with every other room's in one
// group commit (groupCommit.ts), and sent in one broadcast.
// A document stored as one snapshot row with its state vector is not built into a Y.Doc at load: a join
// gets step 1 from the stored state vector and a fresh client (empty state vector) step 2 from the stored
// snapshot as it is. The Y.Doc is built on first need — an update (the gate sees the loaded document),
// a client with state of its own, server-side work through `doc` — and the room leaves a single row
// behind when it goes idle, so the next cold join is answered from storage without replaying the log.
import { CloseCode, encodeAccess, encodePersisted, isFrozen, MessageType, RefusalReason, SyncStep } from '@novex/shared'
import * as decoding from 'lib0/decoding'
import type { Logger } from 'pino'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Metrics } from '../metrics.ts'
import type { ClientIdRegistry } from '../persistence/clientIdRegistry.ts'
import type { DocumentStore, StoredState } from '../persistence/documentStore.ts'
import { decodeAwarenessUpdate, stampAwareness } from '../policy/stampAwareness.ts'
import type { UpdateGate } from '../policy/updateGate.ts'
import { syncFrame, syncStep1Frame, syncStep2Frame, syncUpdateFrame } from '../protocol/frames.ts'
import { FreshJoinFrame } from './freshJoinFrame.ts'
import type { CommitParticipant, GroupCommit, PreparedWrite } from './groupCommit.ts'
import { Peer } from './peer.ts'
import { RoomPresence } from './roomPresence.ts'

/** The users whose updates were in a commit (asked only when needed: rarely). */
export type Editors = () => ReadonlySet<string>

interface PendingUpdate {
  readonly update: Uint8Array
  /** The connection it came from; null for a change the server made itself (the sign-off mirror). */
  readonly origin: Peer | null
}

/** The transaction origin of changes the server makes to a document. */
const SERVER_ORIGIN = Symbol('server')

interface Barrier {
  readonly peer: Peer
  readonly seq: number
}

export interface RoomDeps {
  readonly store: DocumentStore
  readonly clientIds: ClientIdRegistry
  readonly gate: UpdateGate
  readonly logger: Logger
  readonly metrics: Metrics
  readonly compactAfter: number
  /** Sections that are locked (signed off by both parties) in a document. */
  readonly sectionLocks?: (documentId: string) => ReadonlySet<string>
  /** After a batch is committed, each in turn: the sections whose text or structure it changed. */
  readonly onCommitted?: readonly ((room: Room, sections: ReadonlySet<string>, editors: Editors) => void)[]
  /** After each change the server made itself (comments, rounds, status, the sign-off mirror). */
  readonly onServerChange?: (room: Room) => void
  /**
   * Once the document holds its whole stored state: at once, or when something first reads `doc` (a join
   * served from the stored snapshot does not, and keeps the document unbuilt: reading it here would cost
   * its memory and load time for nothing).
   */
  readonly onBuilt?: (room: Room) => void
  /** After an update is refused: what was refused, for the record. */
  readonly onRefused?: (room: Room, peer: Peer, update: Uint8Array, reason: string) => void
  /** Called when the room has no peers and nothing left to write: the manager unloads it. */
  readonly onIdle: (room: Room) => void
  /** Writes the pending updates of every room at the end of the turn, in one transaction. */
  readonly commits: GroupCommit
  /** Schedules the presence broadcast at the end of this event-loop turn (injectable for tests). */
  readonly schedule?: (fn: () => void) => void
}

const NO_LOCKS: ReadonlySet<string> = new Set()

const RETRY_DELAYS_MS = [100, 500, 2_000, 5_000, 10_000] as const

function editorsOf(batch: readonly PendingUpdate[]): ReadonlySet<string> {
  const users = new Set<string>()
  for (const { origin } of batch) if (origin !== null) users.add(origin.user.id)
  return users
}

export class Room implements CommitParticipant {
  readonly id: string
  private readonly ydoc: Y.Doc
  /** The stored snapshot and its state vector while the Y.Doc has not been built from them. */
  private unbuilt: { readonly state: Uint8Array; readonly stateVector: Uint8Array } | null = null
  /** Step 2 for a client with nothing yet, kept for a large document until it changes. */
  private readonly freshJoin = new FreshJoinFrame()
  readonly awareness: awarenessProtocol.Awareness
  /** Applies stamped presence to `awareness` and encodes it from the stamped JSON. */
  private readonly presence: RoomPresence
  private readonly peers = new Set<Peer>()
  /** Client id → the live connection that writes with it. */
  private readonly writers = new Map<number, Peer>()
  /** Client id → the user who owns it in this document (cache of the registry). */
  private readonly owners = new Map<number, string>()
  /** Awareness client id → the live connection that speaks for it. */
  private readonly speakers = new Map<number, Peer>()
  private readonly deps: RoomDeps
  private readonly logger: Logger
  /** Applied but not yet committed, in order. Kept on a failed write and retried. */
  private pending: PendingUpdate[] = []
  private barriers: Barrier[] = []
  /** Sections changed by the pending updates. */
  private pendingSections = new Set<string>()
  /** Awareness client ids changed since the last presence broadcast (sent once per event-loop turn). */
  private readonly awarenessChanged = new Set<number>()
  private awarenessScheduled = false
  /** Server-side users of the room (an API call working on it): it is not unloaded while held. */
  private holds = 0
  private commitRequested = false
  /** Update rows stored after the snapshot (counted here rather than asked of SQLite after every write). */
  private logRows: number
  private failedWrites = 0
  private retryTimer: NodeJS.Timeout | null = null
  private destroyed = false

  constructor(id: string, state: StoredState, deps: RoomDeps) {
    this.id = id
    this.deps = deps
    this.logRows = state.updates.length
    this.logger = deps.logger.child({ documentId: id })
    this.ydoc = new Y.Doc({ gc: true })
    if (state.snapshot && state.stateVector && state.updates.length === 0)
      this.unbuilt = { state: state.snapshot, stateVector: state.stateVector }
    else
      Y.transact(this.ydoc, () => {
        if (state.snapshot) Y.applyUpdate(this.ydoc, state.snapshot)
        for (const update of state.updates) Y.applyUpdate(this.ydoc, update)
      })
    this.awareness = new awarenessProtocol.Awareness(this.ydoc)
    // The server is not a participant: it has no presence of its own.
    this.awareness.setLocalState(null)
    this.presence = new RoomPresence(this.awareness)
    this.ydoc.on('update', this.handleDocUpdate)
    this.awareness.on('update', this.handleAwarenessUpdate)
    if (state.updates.length >= deps.compactAfter) this.compact()
    if (!this.unbuilt) deps.onBuilt?.(this)
  }

  /** The document, built from the stored snapshot first if it was not yet. */
  get doc(): Y.Doc {
    if (this.unbuilt) {
      const { state } = this.unbuilt
      this.unbuilt = null
      // No origin: handleDocUpdate ignores it (it is already stored).
      Y.applyUpdate(this.ydoc, state)
      this.deps.onBuilt?.(this)
    }
    return this.ydoc
  }

  get peerCount(): number {
    return this.peers.size
  }

  get isDestroyed(): boolean {
    return this.destroyed
  }

  /** Every live connection, for re-checking rights. */
  get livePeers(): readonly Peer[] {
    return [...this.peers]
  }

  addPeer(peer: Peer): void {
    this.peers.add(peer)
    peer.sendApp(encodeAccess(peer.access))
    // Step 1 first: the client answers with its step 2 before our step 2 makes it "synced", so a
    // client barrier sent on sync is ordered after its own offline changes.
    peer.send(this.unbuilt ? syncFrame(SyncStep.step1, this.unbuilt.stateVector) : syncStep1Frame(this.ydoc))
    const states = [...this.awareness.getStates().keys()]
    if (states.length > 0) peer.send(this.presence.frame(states))
    peer.attach(this.handleFrame)
  }

  removePeer(peer: Peer): void {
    if (!this.peers.delete(peer)) return
    peer.markClosed()
    for (const client of peer.writerIds) if (this.writers.get(client) === peer) this.writers.delete(client)
    for (const [client, speaker] of this.speakers) if (speaker === peer) this.speakers.delete(client)
    const ids = [...peer.awarenessIds].filter((id) => this.awareness.getStates().has(id))
    if (ids.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, ids, peer)
    this.maybeIdle()
  }

  /** Writes whatever is pending now (before a decision on committed text). True when nothing is left unsaved. */
  flushNow(): boolean {
    this.deps.commits.commitNow([this])
    return this.pending.length === 0
  }

  /** True when every accepted update is committed. */
  get isSaved(): boolean {
    return this.pending.length === 0
  }

  /**
   * A change the server makes itself (the sign-off mirror). It goes through the same commit path as a
   * peer's update: written, then broadcast to every peer.
   */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.destroyed) throw new Error(`room ${this.id} is unloaded`)
    Y.transact(this.doc, () => change(this.doc), SERVER_ORIGIN)
    this.deps.onServerChange?.(this)
  }

  hold(): void {
    this.holds++
  }

  release(): void {
    this.holds = Math.max(0, this.holds - 1)
    this.maybeIdle()
  }

  closeAll(code: number, reason: string): void {
    for (const peer of this.peers) peer.close(code, reason)
  }

  destroy(): void {
    if (this.destroyed) return
    this.destroyed = true
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.unbuilt = null
    this.awareness.off('update', this.handleAwarenessUpdate)
    this.ydoc.off('update', this.handleDocUpdate)
    this.awareness.destroy()
    this.ydoc.destroy()
  }

  private readonly handleFrame = (peer: Peer, frame: Uint8Array): void => {
    try {
      this.receive(peer, frame)
    } catch (error) {
      this.deps.metrics.malformedFrames++
      this.logger.warn({ peer: peer.id, err: error }, 'closing peer after an unreadable frame')
      peer.close(CloseCode.malformed, 'unreadable frame')
      this.removePeer(peer)
    }
  }

  private receive(peer: Peer, frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SyncStep.step1) peer.send(this.step2For(payload))
        else if (step === SyncStep.update) this.applyFromPeer(peer, payload)
        else if (step === SyncStep.step2) this.applyAnswer(peer, payload)
        else throw new Error(`unknown sync step ${step}`)
        return
      }
      case MessageType.awareness:
        this.applyAwareness(peer, decoding.readVarUint8Array(decoder))
        return
      case MessageType.queryAwareness:
        peer.send(this.presence.frame(this.awareness.getStates().keys()))
        return
      case MessageType.barrier:
        this.handleBarrier(peer, decoding.readVarUint(decoder))
        return
      default:
        throw new Error(`unknown message type ${type}`)
    }
  }

  /**
   * Sync step 2 for a client's state vector. A fresh client gets the whole document: the stored snapshot
   * of an unbuilt document as it is, else the kept frame of a large document (freshJoinFrame.ts).
   */
  private step2For(stateVector: Uint8Array): Uint8Array {
    // The count of clients comes first; a fresh client's is 0 (inspectFrame let no bytes trail it).
    if (decoding.readVarUint(decoding.createDecoder(stateVector)) === 0) {
      const frame = this.freshJoin.frame(() => this.unbuilt?.state ?? Y.encodeStateAsUpdate(this.doc))
      // An unbuilt document holds its snapshot once: as the kept frame's payload, not beside it.
      const kept = this.freshJoin.keptState()
      if (this.unbuilt && kept && this.unbuilt.state !== kept) this.unbuilt = { ...this.unbuilt, state: kept }
      return frame
    }
    return syncStep2Frame(this.doc, stateVector)
  }

  /**
   * The client's answer to our step 1: what it has that we lack (offline changes). Updates it sent
   * before, and that built on those changes, were held (see applyFromPeer); they go through the gate
   * now, in order. They are mostly in the answer already and then change nothing.
   */
  private applyAnswer(peer: Peer, update: Uint8Array): void {
    const held = peer.awaitingAnswer ? peer.answer() : []
    this.applyFromPeer(peer, update)
    for (const early of held) {
      if (peer.isClosed) return
      this.applyFromPeer(peer, early)
    }
    // A barrier that waited for the held updates: now it waits for their commit, if any was accepted.
    if (held.length > 0) this.releaseBarriers()
  }

  private applyFromPeer(peer: Peer, update: Uint8Array): void {
    const started = performance.now()
    const verdict = this.deps.gate({
      documentId: this.id,
      peer,
      doc: this.doc,
      update,
      liveWriter: (client) => {
        const writer = this.writers.get(client)
        return writer && writer !== peer ? writer : null
      },
      owner: (client) => this.ownerOf(client),
      lockedSections: this.deps.sectionLocks?.(this.id) ?? NO_LOCKS,
      frozen: isFrozen(this.doc),
    })
    // Issue 7: the gate must stay under 5 % of the server's CPU; the benchmark reads this counter.
    this.deps.metrics.gateSeconds += (performance.now() - started) / 1000
    if (!verdict.accept) {
      // Sent as the socket opened, before the answer that brings what it builds on: wait for that.
      if (verdict.reason === RefusalReason.unresolved && peer.holdUntilAnswered(update)) return
      this.deps.metrics.updatesRefused++
      this.logger.info({ peer: peer.id, user: peer.user.id, reason: verdict.reason }, 'update refused')
      peer.refuse(verdict.reason, verdict.detail)
      this.deps.onRefused?.(this, peer, update, peer.refusalReason(verdict.reason))
      return
    }
    for (const client of verdict.clients) this.bindWriter(peer, client)
    for (const section of verdict.sections) this.pendingSections.add(section)
    this.deps.metrics.updatesAccepted++
    // handleDocUpdate collects what actually changed (nothing, for a duplicate).
    Y.applyUpdate(this.doc, update, peer)
  }

  private ownerOf(client: number): string | null {
    const cached = this.owners.get(client)
    if (cached !== undefined) return cached
    const owner = this.deps.clientIds.owner(this.id, client)
    if (owner !== null) this.owners.set(client, owner)
    return owner
  }

  private bindWriter(peer: Peer, client: number): void {
    if (peer.writerIds.has(client)) return
    const previous = this.writers.get(client)
    if (previous && previous !== peer) previous.deleteWriterId(client)
    this.writers.set(client, peer)
    peer.addWriterId(client)
    if (this.ownerOf(client) === null) {
      this.deps.clientIds.claim(this.id, client, peer.user.id)
      this.owners.set(client, peer.user.id)
    }
  }

  private applyAwareness(peer: Peer, update: Uint8Array): void {
    // A connection may speak for a client id nobody else speaks for, or take one over from a stale
    // connection of the same user (a reconnect before the server noticed the old socket died).
    const entries = stampAwareness(decodeAwarenessUpdate(update), peer.user, (clientId) => {
      const speaker = this.speakers.get(clientId)
      return speaker === undefined || speaker === peer || speaker.user.id === peer.user.id
    })
    if (entries.length === 0) return
    for (const entry of entries) {
      const previous = this.speakers.get(entry.clientId)
      if (previous && previous !== peer) previous.deleteAwarenessId(entry.clientId)
      this.speakers.set(entry.clientId, peer)
    }
    this.presence.apply(entries, peer)
  }

  private handleBarrier(peer: Peer, seq: number): void {
    if (this.unsaved(peer)) this.barriers.push({ peer, seq })
    else peer.sendApp(encodePersisted(seq, this.clocksOf(peer)))
  }

  /** The peer sent updates that are not stored yet: applied and waiting for the commit, or held. */
  private unsaved(peer: Peer): boolean {
    return peer.holdsUpdates || this.pending.some((p) => p.origin === peer)
  }

  private clocksOf(peer: Peer): { client: number; clock: number }[] {
    return [...peer.writerIds].map((client) => ({ client, clock: Y.getState(this.doc.store, client) }))
  }

  private readonly handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.freshJoin.invalidate()
    // Every change after loading comes from a peer (applyFromPeer) or from the server itself.
    if (origin === SERVER_ORIGIN) this.pending.push({ update, origin: null })
    else if (origin instanceof Peer) this.pending.push({ update, origin })
    else return
    this.scheduleFlush()
  }

  private readonly handleAwarenessUpdate = (
    change: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...change.added, ...change.updated, ...change.removed]
    if (origin !== null && typeof origin === 'object' && this.peers.has(origin as Peer)) {
      const peer = origin as Peer
      for (const id of change.added) peer.addAwarenessId(id)
      for (const id of change.removed) peer.deleteAwarenessId(id)
    }
    if (change.removed.length > 0) this.presence.forget(change.removed)
    if (changed.length === 0) return
    // Presence changes on every keystroke of every writer: collect this turn's changes and send them as
    // one frame, instead of one frame per change to every peer.
    for (const id of changed) this.awarenessChanged.add(id)
    if (this.awarenessScheduled) return
    this.awarenessScheduled = true
    const schedule = this.deps.schedule ?? setImmediate
    schedule(() => {
      this.awarenessScheduled = false
      if (this.destroyed || this.awarenessChanged.size === 0) return
      const frame = this.presence.frame(this.awarenessChanged)
      this.awarenessChanged.clear()
      for (const peer of this.peers) peer.send(frame)
    })
  }

  private scheduleFlush(): void {
    if (this.commitRequested || this.retryTimer !== null) return
    this.commitRequested = true
    this.deps.commits.request(this)
  }

  prepareWrite(): PreparedWrite | null {
    this.commitRequested = false
    if (this.destroyed || this.pending.length === 0) return null
    const updates = this.pending.map((p) => p.update)
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    // The log is long enough: this write replaces it by a snapshot (the document holds every pending
    // update already), in the group's transaction, instead of a compaction with a commit of its own
    // after the broadcast (1.4–8.9 ms on the event loop in the hot room, issue 7).
    const snapshot =
      this.logRows + 1 >= this.deps.compactAfter
        ? { state: Y.encodeStateAsUpdate(this.doc), stateVector: Y.encodeStateVector(this.doc) }
        : undefined
    return { documentId: this.id, updates: [merged], count: this.pending.length, snapshot }
  }

  completeWrite(prepared: PreparedWrite | null, error: { reason: unknown } | undefined): void {
    if (prepared === null) {
      this.releaseBarriers()
      return
    }
    if (error !== undefined) {
      this.failedWrites++
      this.deps.metrics.failedWrites++
      const delay = RETRY_DELAYS_MS[Math.min(this.failedWrites - 1, RETRY_DELAYS_MS.length - 1)] ?? 10_000
      this.logger.error(
        { err: error.reason, pendingUpdates: this.pending.length, retryInMs: delay },
        'write failed; will retry',
      )
      if (this.retryTimer) clearTimeout(this.retryTimer)
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null
        this.deps.commits.request(this)
      }, delay)
      return
    }
    this.failedWrites = 0
    if (this.retryTimer) {
      clearTimeout(this.retryTimer)
      this.retryTimer = null
    }
    const batch = this.pending.slice(0, prepared.count)
    this.pending = this.pending.slice(prepared.count)
    const sections = this.pendingSections
    this.pendingSections = new Set()
    if (prepared.snapshot) {
      this.logRows = 0
      this.deps.metrics.compactions++
    } else this.logRows += prepared.updates.length
    this.deps.metrics.batchesWritten++
    this.broadcast(batch, prepared.updates[0] as Uint8Array)
    this.releaseBarriers()
    if (sections.size > 0) this.afterCommit(sections, () => editorsOf(batch))
    this.maybeIdle()
  }

  /**
   * Work that follows from committed text (the sign-off checks, the link index). The text is stored,
   * broadcast and acknowledged by now: a failure in one (the index's own write, say) is logged and must
   * not stop the others, the room, the other rooms of the group commit, or the server.
   */
  private afterCommit(sections: ReadonlySet<string>, editors: Editors): void {
    for (const work of this.deps.onCommitted ?? []) {
      try {
        work(this, sections, editors)
      } catch (error) {
        this.deps.metrics.afterCommitFailures++
        this.logger.error({ err: error, sections: [...sections] }, 'work after a commit failed; the text is stored')
      }
    }
  }

  /**
   * One frame, encoded once, for every peer. When the batch has a single sender it is skipped; when
   * several connections sent updates in the same turn they get the whole batch too (their own part is a
   * no-op for Yjs), instead of a merge and an encoding per sender (the hot room's cost per frame).
   */
  private broadcast(batch: readonly PendingUpdate[], merged: Uint8Array): void {
    const first = batch[0]?.origin ?? null
    const onlySender = batch.every((p) => p.origin === first) ? first : null
    const everything = syncUpdateFrame(merged)
    for (const peer of this.peers) if (peer !== onlySender) peer.send(everything)
  }

  private releaseBarriers(): void {
    if (this.barriers.length === 0) return
    const waiting: Barrier[] = []
    for (const barrier of this.barriers) {
      if (this.unsaved(barrier.peer)) waiting.push(barrier)
      else barrier.peer.sendApp(encodePersisted(barrier.seq, this.clocksOf(barrier.peer)))
    }
    this.barriers = waiting
  }

  private compact(): void {
    try {
      this.deps.store.compact(this.id, Y.encodeStateAsUpdate(this.doc), Y.encodeStateVector(this.doc))
      this.logRows = 0
      this.deps.metrics.compactions++
    } catch (error) {
      // The log is intact (compaction is one transaction); try again after the next write.
      this.logger.error({ err: error }, 'compaction failed')
    }
  }

  private maybeIdle(): void {
    if (this.peers.size > 0 || this.holds > 0 || this.pending.length > 0 || this.destroyed) return
    // Leave one row behind, so that the next cold join is answered from the snapshot (see the top).
    if (this.logRows > 0) this.compact()
    this.deps.onIdle(this)
  }
}
