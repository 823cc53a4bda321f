// Signs a section for both sides through the real API, as the two demo signatories of De Peel, so
// that it locks (docs/signoff.md). Each signatory logs in afresh: the session cookie is theirs alone.

import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

export async function signForBothSides(server: RunningServer, documentId: string, sectionId: string): Promise<void> {
  let locked = false
  for (const email of [DEMO.rijkOndertekenaar, DEMO.provincieOndertekenaar]) {
    const cookie = await login(server, email)
    const res = await fetch(`${server.httpUrl}/api/documents/${documentId}/sections/${sectionId}/signoff`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: '{}',
    })
    const body = (await res.json()) as { locked?: boolean }
    if (res.status !== 200)
      throw new Error(`${email} could not sign ${sectionId}: ${res.status} ${JSON.stringify(body)}`)
    locked = body.locked === true
  }
  if (!locked) throw new Error(`section ${sectionId} did not lock after both signatures`)
}
