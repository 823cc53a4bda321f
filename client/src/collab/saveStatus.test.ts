import { describe, expect, it } from 'vitest'
import type { CollabState } from './createCollab.ts'
import { needsRebuild } from './refusalRecovery.ts'
import { saveStatusOf } from './saveStatus.ts'

const connectedAndSaved: CollabState = {
  connection: 'connected',
  synced: true,
  failedSinceSync: false,
  browserOnline: true,
  saved: true,
  localLoaded: true,
  access: 'edit',
  storageFault: false,
  refusals: [],
  closed: null,
  rebuilding: false,
}

describe('saveStatusOf while a refused document is rebuilt', () => {
  it('never says saved: connecting, or offline when the new connection failed', () => {
    expect(saveStatusOf({ ...connectedAndSaved, rebuilding: true })).toBe('connecting')
    expect(saveStatusOf({ ...connectedAndSaved, rebuilding: true, failedSinceSync: true })).toBe('offline')
    expect(saveStatusOf({ ...connectedAndSaved, rebuilding: true, browserOnline: false })).toBe('offline')
  })

  it('says saved again once the replay is acknowledged', () => {
    expect(saveStatusOf({ ...connectedAndSaved, saved: false })).toBe('saving')
    expect(saveStatusOf(connectedAndSaved)).toBe('saved')
  })
})

describe('needsRebuild', () => {
  it('rebuilds for refusals a fresh document fixes, not for read-only or storage', () => {
    for (const reason of ['locked', 'server-owned', 'foreign-client', 'unresolved', 'malformed', 'schema']) {
      expect(needsRebuild(reason)).toBe(true)
    }
    for (const reason of ['read-only', 'storage', 'iets-anders']) expect(needsRebuild(reason)).toBe(false)
  })
})
