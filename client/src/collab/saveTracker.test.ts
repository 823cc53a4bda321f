import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { createSaveTracker, type SaveTracker } from './saveTracker.ts'

const SERVER = { server: true }

describe('createSaveTracker', () => {
  let doc: Y.Doc
  let tracker: SaveTracker
  let barriers: number[]
  let canSend: boolean

  beforeEach(() => {
    vi.useFakeTimers()
    doc = new Y.Doc()
    barriers = []
    canSend = true
    tracker = createSaveTracker({
      doc,
      isServerOrigin: (origin) => origin === SERVER,
      sendBarrier: (seq) => {
        if (canSend) barriers.push(seq)
        return canSend
      },
      onSavedChange: () => {},
    })
  })

  afterEach(() => {
    tracker.destroy()
    expect(vi.getTimerCount()).toBe(0)
    vi.useRealTimers()
  })

  const persistedNow = (seq: number): void =>
    tracker.handlePersisted(seq, [{ client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }])

  it('knows what the server holds only once it has heard from the server', () => {
    doc.getText('t').insert(0, 'lokaal')
    expect(tracker.confirmedState()).toBeNull()
    tracker.handleServerStateVector(new Map())
    expect(tracker.confirmedState()).toEqual(new Map())
    persistedNow(1)
    expect(tracker.confirmedState()).toEqual(new Map([[doc.clientID, 6]]))
    vi.advanceTimersByTime(100)
  })

  it('is saved after a sync with nothing local', () => {
    tracker.handleSynced()
    expect(tracker.isSaved()).toBe(true)
  })

  it('is unsaved at once after a local change and saved once the barrier is acknowledged', () => {
    tracker.handleSynced()
    doc.getText('t').insert(0, 'hallo')
    expect(tracker.isSaved()).toBe(false)
    vi.advanceTimersByTime(100)
    expect(barriers).toEqual([1])
    expect(tracker.isSaved()).toBe(false)
    persistedNow(1)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
  })

  it('waits for the barrier after a delete, which advances no clock', () => {
    doc.getText('t').insert(0, 'hallo')
    tracker.handleSynced()
    persistedNow(1)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
    doc.getText('t').delete(0, 2)
    expect(tracker.isSaved()).toBe(false)
    vi.advanceTimersByTime(100)
    expect(barriers.at(-1)).toBe(2)
    expect(tracker.isSaved()).toBe(false)
    persistedNow(2)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
  })

  it('holds the barrier while it cannot be sent and sends it on the next sync', () => {
    canSend = false
    doc.getText('t').insert(0, 'offline')
    vi.advanceTimersByTime(500)
    expect(barriers).toEqual([])
    canSend = true
    tracker.handleSynced()
    expect(barriers).toEqual([1])
    persistedNow(1)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
  })

  // Regression: Y.encodeStateVectorFromUpdate reports clock 0 for a client whose structs in the update
  // do not start at clock 0, so incremental updates from the server never counted as confirmed.
  it('counts every incremental update from the server as confirmed', () => {
    const remote = new Y.Doc()
    const forward = (update: Uint8Array): void => Y.applyUpdate(doc, update, SERVER)
    remote.on('update', forward)
    tracker.handleSynced()
    remote.getText('t').insert(0, 'a')
    remote.getText('t').insert(1, 'b')
    remote.getText('t').insert(2, 'c')
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
    remote.off('update', forward)
  })

  it('confirms what the server has from its sync step 1', () => {
    const remote = new Y.Doc()
    remote.getText('t').insert(0, 'van de server')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(remote)) // e.g. loaded from IndexedDB
    tracker.handleServerStateVector(Y.decodeStateVector(Y.encodeStateVector(remote)))
    tracker.handleSynced()
    // A barrier goes out for the local load, and the clocks are confirmed by the step 1 already.
    persistedNow(1)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
  })

  it('stays unsaved while a change is not on the server (refused)', () => {
    tracker.handleSynced()
    doc.getText('t').insert(0, 'geweigerd')
    vi.advanceTimersByTime(100)
    // The server answers the barrier but its clocks do not cover the refused change.
    tracker.handlePersisted(1, [])
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(false)
  })

  it('asks again after answering a sync step 1 of a server that lacks our changes (storage back)', () => {
    tracker.handleSynced()
    doc.getText('t').insert(0, 'tijdens de storing')
    vi.advanceTimersByTime(100)
    tracker.handlePersisted(1, [])
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(false)
    // Writable again: the server asks what we have (its step 1 lacks the change); the provider answers
    // with it, and a barrier must follow, or nothing ever confirms it.
    tracker.handleServerStateVector(new Map())
    vi.advanceTimersByTime(100)
    expect(barriers).toEqual([1, 2])
    persistedNow(2)
    vi.advanceTimersByTime(100)
    expect(tracker.isSaved()).toBe(true)
  })
})
