import { describe, expect, it } from 'vitest'
import type { PeerUser } from '../rooms/peer.ts'
import { createSessionIdentities } from './sessionIdentities.ts'

const anne: PeerUser = { id: 'u1', name: 'Anne', organisationName: 'LVVN', organisationKind: 'rijk' }

describe('session identities', () => {
  it('hands the connections of one session the same identity until the last one closes', () => {
    const identities = createSessionIdentities()
    const first = identities.acquire('s1', anne)
    const second = identities.acquire('s1', { ...anne })
    expect(second).toBe(first)
    identities.release(first)
    expect(identities.size).toBe(1)
    identities.release(second)
    expect(identities.size).toBe(0)
    expect(identities.acquire('s1', anne)).not.toBe(first)
  })

  it('never shares between sessions, nor after the user changed', () => {
    const identities = createSessionIdentities()
    const first = identities.acquire('s1', anne)
    expect(identities.acquire('s2', anne)).not.toBe(first)
    const renamed = identities.acquire('s1', { ...anne, name: 'Anne de Vries' })
    expect(renamed).not.toBe(first)
    expect(renamed.user.name).toBe('Anne de Vries')
    expect(first.user.name).toBe('Anne')
    // The old identity's connections closing does not drop the new one.
    identities.release(first)
    expect(identities.acquire('s1', { ...anne, name: 'Anne de Vries' })).toBe(renamed)
  })
})
