import { describe, expect, it } from 'vitest'
import { decodePending, encodePending } from './pendingLogin.ts'

const PENDING = {
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  verifier: 'v'.repeat(43),
  next: '/document/ontwikkelperspectief-de-peel',
}

describe('the pending login cookie', () => {
  it('comes back as it was written', () => {
    expect(decodePending(encodePending(PENDING))).toEqual(PENDING)
  })

  it('is nothing when missing, damaged or not ours', () => {
    expect(decodePending(undefined)).toBeNull()
    expect(decodePending('niet-base64-json')).toBeNull()
    expect(decodePending(encodePending({ ...PENDING, verifier: 'kort' }))).toBeNull()
    expect(decodePending(Buffer.from('{"state":1}').toString('base64url'))).toBeNull()
  })

  it('never leads to another site, even when the cookie says so', () => {
    expect(decodePending(encodePending({ ...PENDING, next: '//evil.example' }))?.next).toBe('/')
  })
})
