import { CloseCode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { upgradeRefusal } from './upgradeRefusal.ts'

/** A server that answers each path with the given status (200 for the rest), recording the questions. */
function server(statuses: Record<string, number>) {
  const asked: string[] = []
  const statusOf = async (path: string) => {
    asked.push(path)
    return statuses[path] ?? 200
  }
  return { asked, statusOf }
}

describe('upgradeRefusal', () => {
  it('is unauthenticated when the session ended, without asking about the document', async () => {
    const s = server({ '/api/session': 401 })
    expect(await upgradeRefusal('ontwikkelperspectief-de-peel', s.statusOf)).toBe(CloseCode.unauthenticated)
    expect(s.asked).toEqual(['/api/session'])
  })

  it('is forbidden when the session is live but the document is not there for this user', async () => {
    for (const status of [403, 404]) {
      const s = server({ '/api/documents/a%2Fb': status })
      expect(await upgradeRefusal('a/b', s.statusOf)).toBe(CloseCode.forbidden)
      expect(s.asked).toEqual(['/api/session', '/api/documents/a%2Fb'])
    }
  })

  it('is nothing final when the server is unreachable, busy or failing, or everything is fine', async () => {
    expect(await upgradeRefusal('d', server({ '/api/session': 0 }).statusOf)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/session': 503 }).statusOf)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/documents/d': 429 }).statusOf)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/documents/d': 0 }).statusOf)).toBeNull()
    expect(await upgradeRefusal('d', server({}).statusOf)).toBeNull()
  })
})
