// Signs a section for both sides through the real API, as the two demo signatories of De Peel, so
// that it locks (docs/signoff.md), and reads a section's signed hash back. Each signatory logs in
// afresh: the session cookie is theirs alone.

import type { Page } from 'playwright-core'
import { fetchJson } from '../helpers/browser.ts'
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

/** A section's signed hash and whether the stored text still matches it, as the page's own session reads it. */
export async function signedHashOf(
  page: Page,
  documentId: string,
  sectionId: string,
): Promise<{ hash: string; verified: boolean } | undefined> {
  const answer = await fetchJson(page, 'GET', `/api/documents/${documentId}/signoffs`)
  const body = answer.body as { sections: { sectionId: string; hash: string; verified: boolean }[] }
  return body.sections.find((s) => s.sectionId === sectionId)
}
