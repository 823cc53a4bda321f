// Comment writes per user are limited (NOVEX_LIMIT_COMMENTS_PER_USER, in 10 minutes): each may mention
// people, and with notification e-mail each mention is a mail, so a script must not be able to fill
// colleagues' inboxes. Over the limit: 429 too_many_comments with Retry-After and a Dutch reason; other
// users write on.
import { orderedSections, type SectionId } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { anchorOver, firstText } from '../helpers/comments.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { type DEMO, loginEveryone } from '../helpers/session.ts'

let server: RunningServer
let cookies: Record<keyof typeof DEMO, string>
let reader: TestClient
let section: SectionId

beforeAll(async () => {
  server = await startServer({ env: { NOVEX_LIMIT_COMMENTS_PER_USER: '3' } })
  cookies = await loginEveryone(server)
  reader = connectClient(server, DE_PEEL, { cookie: cookies.lezer })
  await reader.synced()
  section = orderedSections(reader.doc)[0]?.id as SectionId
})

afterAll(async () => {
  reader.destroy()
  await server.stop()
  server.cleanup()
})

const post = (cookie: string, path: string, body: unknown): Promise<Response> =>
  fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/comments${path}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

const thread = (n: number) => ({
  sectionId: section,
  anchor: anchorOver(firstText(reader.doc, section), 0, 5),
  quote: 'tekst',
  body: `Reactie ${n}`,
})

it('refuses a user’s comment writes over the limit, with when to try again, and lets others write', async () => {
  const first = await post(cookies.meelezer, '', thread(1))
  expect(first.status).toBe(201)
  const { id } = (await first.json()) as { id: string }
  expect((await post(cookies.meelezer, `/${id}/messages`, { body: 'Een antwoord' })).status).toBe(201)
  expect((await post(cookies.meelezer, '', thread(2))).status).toBe(201)

  const refused = await post(cookies.meelezer, `/${id}/messages`, { body: 'Nog een' })
  expect(refused.status).toBe(429)
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  const { error } = (await refused.json()) as { error: { code: string; message: string } }
  expect(error.code).toBe('too_many_comments')
  expect(error.message).toMatch(
    /^U heeft in korte tijd heel veel reacties geschreven\. Probeer het over \d+ minuten? opnieuw\.$/,
  )

  // Someone else is not held up by it.
  expect((await post(cookies.rijkAuteur, '', thread(3))).status).toBe(201)
})
