import { CloseCode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import type { CollabState } from './createCollab.ts'
import { needsRebuild } from './refusalRecovery.ts'
import {
  announcedSaveStatus,
  type SaveAnnouncement,
  type SaveStatus,
  saveStatusOf,
  spokenSaveStatus,
} from './saveStatus.ts'

const connectedAndSaved: CollabState = {
  connection: 'connected',
  synced: true,
  failedSinceSync: false,
  browserOnline: true,
  saved: true,
  localLoaded: true,
  access: 'edit',
  storageFault: false,
  rightsVersion: 0,
  refusals: [],
  closed: null,
  rebuilding: false,
  unavailable: false,
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

describe('saveStatusOf for a document the server cannot open', () => {
  it('says not saved, not offline, while the network is up; offline when it is not', () => {
    const refused = { ...connectedAndSaved, synced: false, connection: 'disconnected' as const, unavailable: true }
    expect(saveStatusOf({ ...refused, failedSinceSync: true })).toBe('notSaved')
    expect(saveStatusOf({ ...refused, browserOnline: false })).toBe('offline')
    // Announced like offline, and "Opgeslagen" is said once the document can be saved again.
    expect(announcedSaveStatus('quiet', 'notSaved')).toBe('notSaved')
    expect(announcedSaveStatus('notSaved', 'saved')).toBe('saved')
  })
})

describe('saveStatusOf for a page the server closed for good', () => {
  it('says offline after an ended session (sent after the next login), not saved without access', () => {
    const closed = { ...connectedAndSaved, synced: false, connection: 'disconnected' as const }
    expect(saveStatusOf({ ...closed, closed: { code: CloseCode.unauthenticated, reason: '' } })).toBe('offline')
    expect(saveStatusOf({ ...closed, closed: { code: CloseCode.forbidden, reason: '' } })).toBe('notSaved')
    expect(saveStatusOf({ ...closed, closed: { code: CloseCode.notFound, reason: '' } })).toBe('notSaved')
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

describe('announcedSaveStatus: what the live region says', () => {
  /** Feeds the statuses one by one, from a page that opens, and collects what is said after each. */
  function spoken(statuses: readonly SaveStatus[]): (SaveStatus | null)[] {
    let held: SaveAnnouncement = 'opening'
    return statuses.map((status) => {
      held = announcedSaveStatus(held, status)
      return spokenSaveStatus(held)
    })
  }

  it('stays silent while the page opens and while typing is saved key by key', () => {
    expect(spoken(['connecting', 'saved', 'saving', 'saved', 'saving', 'saved'])).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('says offline when the connection goes, and saved only once the work is stored again', () => {
    expect(
      spoken(['connecting', 'saved', 'saving', 'offline', 'offline', 'saving', 'saved', 'saving', 'saved']),
    ).toEqual([null, null, null, 'offline', 'offline', 'offline', 'saved', 'saved', 'saved'])
  })

  it('says connecting while a refused document is rebuilt, then saved', () => {
    expect(spoken(['connecting', 'saved', 'connecting', 'saving', 'saved'])).toEqual([
      null,
      null,
      'connecting',
      'connecting',
      'saved',
    ])
  })

  it('says offline when the page opens without a connection, and saved once it is stored', () => {
    expect(spoken(['connecting', 'offline', 'saving', 'saved'])).toEqual([null, 'offline', 'offline', 'saved'])
  })
})
