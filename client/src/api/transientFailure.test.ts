import { describe, expect, it } from 'vitest'
import { ApiError, isTransientFailure } from './documents.ts'

describe('isTransientFailure', () => {
  it('asks again after no answer or a server fault', () => {
    expect(isTransientFailure(new ApiError(0, 'De server is niet bereikbaar.', 'unreachable'))).toBe(true)
    expect(isTransientFailure(new ApiError(503, 'Bezet'))).toBe(true)
    expect(isTransientFailure(new TypeError('Failed to fetch'))).toBe(true)
  })
  it('not after a refusal: the same request gets the same answer', () => {
    for (const status of [400, 401, 403, 404, 409]) expect(isTransientFailure(new ApiError(status, 'Nee'))).toBe(false)
  })
})
