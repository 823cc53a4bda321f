import { describe, expect, it } from 'vitest'
import type { CollabState } from './createCollab.ts'
import { createStore } from './createStore.ts'
import { untilSaved } from './untilSaved.ts'

const state = (synced: boolean, saved: boolean): CollabState => ({
  connection: synced ? 'connected' : 'disconnected',
  synced,
  failedSinceSync: false,
  browserOnline: true,
  saved,
  localLoaded: true,
  access: 'edit',
  storageFault: false,
  rightsVersion: 0,
  refusals: [],
  closed: null,
  rebuilding: false,
  unavailable: false,
})

describe('untilSaved', () => {
  it('waits through a lost connection until the changes are saved on the current one', async () => {
    const store = createStore(state(true, false))
    let done = false
    const waiting = untilSaved(store, new AbortController().signal).then(() => {
      done = true
    })
    store.set(state(false, false))
    store.set(state(false, true))
    await Promise.resolve()
    expect(done).toBe(false)
    store.set(state(true, true))
    await waiting
    expect(done).toBe(true)
  })

  it('is done at once when saved, and gives up when aborted', async () => {
    await untilSaved(createStore(state(true, true)), new AbortController().signal)
    const controller = new AbortController()
    const waiting = untilSaved(createStore(state(true, false)), controller.signal)
    controller.abort(new Error('weg'))
    await expect(waiting).rejects.toThrow('weg')
  })
})
