import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../persistence/database.ts'
import { createSessionStore } from './sessionStore.ts'

const MINUTE = 60_000
let dir: string
let db: Db
let clock: number
const now = (): number => clock

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-sessions-'))
  db = openDatabase(dir)
  // The store alone: no users table rows to point at.
  db.pragma('foreign_keys = OFF')
  clock = 1_000_000
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('session idle timeout', () => {
  it('ends a session that was not used for the idle time, and keeps one that was', () => {
    const sessions = createSessionStore(db, { idleMs: 30 * MINUTE, now })
    const idle = sessions.create('gebruiker-1', 12 * 60 * MINUTE)
    const working = sessions.create('gebruiker-1', 12 * 60 * MINUTE)
    clock += 20 * MINUTE
    sessions.touch(working.session.tokenHash)
    clock += 10 * MINUTE
    expect(sessions.resolve(idle.token)).toBeNull()
    expect(sessions.isLive(idle.session.tokenHash)).toBe(false)
    expect(sessions.resolve(working.token)?.userId).toBe('gebruiker-1')
    clock += 20 * MINUTE - 1
    expect(sessions.isLive(working.session.tokenHash)).toBe(true)
    clock += 1
    expect(sessions.isLive(working.session.tokenHash)).toBe(false)
    // Touching an ended session does not bring it back.
    sessions.touch(working.session.tokenHash)
    expect(sessions.isLive(working.session.tokenHash)).toBe(false)
  })

  it('writes a touch at most once per tenth of the idle time', () => {
    const sessions = createSessionStore(db, { idleMs: 10 * MINUTE, now })
    const { session } = sessions.create('gebruiker-1', 12 * 60 * MINUTE)
    const lastActive = (): unknown =>
      db.prepare('SELECT last_active_at FROM sessions WHERE token_hash = ?').pluck().get(session.tokenHash)
    clock += 30_000
    sessions.touch(session.tokenHash)
    expect(lastActive()).toBeNull()
    clock += 31_000
    sessions.touch(session.tokenHash)
    expect(lastActive()).toBe(clock)
  })

  it('has no idle timeout when it is 0, only the lifetime', () => {
    const sessions = createSessionStore(db, { now })
    const { token } = sessions.create('gebruiker-1', 60 * MINUTE)
    clock += 59 * MINUTE
    expect(sessions.resolve(token)).not.toBeNull()
    clock += MINUTE
    expect(sessions.resolve(token)).toBeNull()
  })
})
