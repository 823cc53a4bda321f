import { CloseCode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { type Answer, upgradeRefusal } from './upgradeRefusal.ts'

/** A server that answers each path as given (200 with a document that can be opened for the rest), recording the questions. */
function server(answers: Record<string, number | Answer>) {
  const asked: string[] = []
  const ask = async (path: string): Promise<Answer> => {
    asked.push(path)
    const answer = answers[path] ?? { status: 200, body: { id: 'd', available: true } }
    return typeof answer === 'number' ? { status: answer, body: null } : answer
  }
  return { asked, ask }
}

describe('upgradeRefusal', () => {
  it('is unauthenticated when the session ended, without asking about the document', async () => {
    const s = server({ '/api/session': 401 })
    expect(await upgradeRefusal('ontwikkelperspectief-de-peel', s.ask)).toBe(CloseCode.unauthenticated)
    expect(s.asked).toEqual(['/api/session'])
  })

  it('is forbidden when the session is live but the document is not there for this user', async () => {
    for (const status of [403, 404]) {
      const s = server({ '/api/documents/a%2Fb': status })
      expect(await upgradeRefusal('a/b', s.ask)).toBe(CloseCode.forbidden)
      expect(s.asked).toEqual(['/api/session', '/api/documents/a%2Fb'])
    }
  })

  it('is unavailable when the server says it cannot open the document', async () => {
    const s = server({ '/api/documents/d': { status: 200, body: { id: 'd', available: false } } })
    expect(await upgradeRefusal('d', s.ask)).toBe(CloseCode.unavailable)
  })

  it('is nothing when the server is unreachable, busy or failing, or everything is fine', async () => {
    expect(await upgradeRefusal('d', server({ '/api/session': 0 }).ask)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/session': 503 }).ask)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/documents/d': 429 }).ask)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/documents/d': 0 }).ask)).toBeNull()
    // An answer without the field (an older server) or one that is not a document says nothing.
    expect(await upgradeRefusal('d', server({ '/api/documents/d': { status: 200, body: { id: 'd' } } }).ask)).toBeNull()
    expect(await upgradeRefusal('d', server({ '/api/documents/d': { status: 200, body: null } }).ask)).toBeNull()
    expect(await upgradeRefusal('d', server({}).ask)).toBeNull()
  })
})
