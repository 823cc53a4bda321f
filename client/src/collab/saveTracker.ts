// Decides whether every local change is committed on the server ("Opgeslagen").
//
// Two independent acknowledgements must agree:
//  - clocks: `confirmed` maps client id → clock the server is known to hold. It grows from `persisted`
//    frames (the committed clocks of the ids this connection wrote with), from the server's sync
//    step 1 (its state vector) and from every update the server sends (broadcasts are committed
//    before they are sent). The document is saved only if every clock of its own state vector is
//    confirmed. Caveat: the server's step 1 can be ahead of its disk by the updates of the current
//    event-loop turn (it applies at once and commits at the end of the turn); our own changes never
//    rest on that, they are covered by the barrier below.
//  - a barrier: a delete-only change advances no clock, so after local changes the tracker sends a
//    barrier `seq` and waits for `persisted` carrying that seq ("all you sent before it is
//    committed"). See MessageType.barrier in @novex/shared.
//
// The computation is throttled; a local change turns "saved" off at once so the UI never shows
// "Opgeslagen" for a change it has not seen acknowledged.
import type { PersistedClock } from '@novex/shared'
import * as Y from 'yjs'

export interface SaveTracker {
  handlePersisted(seq: number, clocks: readonly PersistedClock[]): void
  /** The server's state vector from its sync step 1. */
  handleServerStateVector(stateVector: Map<number, number>): void
  /** The connection (re)synced: our offline changes went out with our sync step 2. */
  handleSynced(): void
  isSaved(): boolean
  /**
   * What the server is known to hold (client id → clock), or null before this page has heard from the
   * server at all: then nothing can be told apart (a local copy loaded at opening is not confirmed yet).
   */
  confirmedState(): ReadonlyMap<number, number> | null
  destroy(): void
}

export interface SaveTrackerDeps {
  readonly doc: Y.Doc
  /** Whether a doc update with this origin came from the server. */
  readonly isServerOrigin: (origin: unknown) => boolean
  /** Sends a barrier if the connection is open and synced; returns false otherwise. */
  readonly sendBarrier: (seq: number) => boolean
  readonly onSavedChange: (saved: boolean) => void
  readonly throttleMs?: number
}

export function createSaveTracker(deps: SaveTrackerDeps): SaveTracker {
  const { doc } = deps
  const throttleMs = deps.throttleMs ?? 100
  const confirmed = new Map<number, number>()
  let seqSent = 0
  let seqAcked = 0
  /** Local changes made since the last barrier went out. */
  let unbarriered = false
  let saved = false
  let timer: ReturnType<typeof setTimeout> | null = null

  /** The server's state vector, an acknowledgement or an update from the server has arrived. */
  let heard = false
  const confirm = (client: number, clock: number): void => {
    heard = true
    if ((confirmed.get(client) ?? 0) < clock) confirmed.set(client, clock)
  }

  const clocksConfirmed = (): boolean => {
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) {
      if ((confirmed.get(client) ?? 0) < clock) return false
    }
    return true
  }

  const setSaved = (next: boolean): void => {
    if (next === saved) return
    saved = next
    deps.onSavedChange(saved)
  }

  const tick = (): void => {
    timer = null
    if (unbarriered && deps.sendBarrier(seqSent + 1)) {
      seqSent += 1
      unbarriered = false
    }
    setSaved(!unbarriered && seqAcked >= seqSent && clocksConfirmed())
  }

  const schedule = (): void => {
    if (timer === null) timer = setTimeout(tick, throttleMs)
  }

  const handleUpdate = (update: Uint8Array, origin: unknown): void => {
    if (deps.isServerOrigin(origin)) {
      // parseUpdateMeta, not encodeStateVectorFromUpdate: the latter reports 0 for a client whose
      // structs in the update do not start at clock 0, which is every incremental update.
      for (const [client, clock] of Y.parseUpdateMeta(update).to) confirm(client, clock)
    } else {
      unbarriered = true
      setSaved(false)
    }
    schedule()
  }
  doc.on('update', handleUpdate)

  return {
    handlePersisted(seq, clocks) {
      if (seq > seqAcked) seqAcked = seq
      for (const { client, clock } of clocks) confirm(client, clock)
      schedule()
    },
    handleServerStateVector(stateVector) {
      heard = true
      for (const [client, clock] of stateVector) confirm(client, clock)
      // The provider answers with what the server lacks (e.g. changes refused while it could not
      // store them, asked for again once it can): a barrier after that answer confirms its commit.
      if (!clocksConfirmed()) unbarriered = true
      schedule()
    },
    handleSynced() {
      // A barrier sent on an earlier connection may never be answered; ask again on this one.
      if (seqAcked < seqSent || !clocksConfirmed()) unbarriered = true
      // At once, not throttled: right after the sync the answer is usually "saved", and a throttled
      // tick would show "Opslaan…" for a moment without any change behind it.
      if (timer !== null) clearTimeout(timer)
      tick()
    },
    isSaved: () => saved,
    confirmedState: () => (heard ? confirmed : null),
    destroy() {
      if (timer !== null) clearTimeout(timer)
      timer = null
      doc.off('update', handleUpdate)
    },
  }
}
