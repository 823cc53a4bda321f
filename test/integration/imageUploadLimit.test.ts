// Image uploads are limited per user (NOVEX_LIMIT_UPLOADS_PER_USER in 10 minutes): each new image is
// decoded whole on an export thread, so a script must not be able to keep those threads busy. The
// refusal comes before the body is read, says in Dutch how long to wait, and touches no other user.
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { DE_PEEL } from '../helpers/documents.ts'
import { pngImage } from '../helpers/images.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

let server: RunningServer

beforeAll(async () => {
  server = await startServer({ env: { NOVEX_LIMIT_UPLOADS_PER_USER: '3' } })
})

afterAll(async () => {
  await server?.stop()
  server?.cleanup()
})

const upload = (cookie: string, bytes: Uint8Array): Promise<Response> =>
  fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/images`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'image/png' },
    body: new Uint8Array(bytes),
  })

it('refuses a user’s uploads beyond the limit with the time to wait, and lets another user go on', async () => {
  const rijk = await login(server, DEMO.rijkAuteur)
  for (let n = 0; n < 3; n++) expect((await upload(rijk, pngImage(20 + n, 10))).status).toBe(201)

  const refused = await upload(rijk, pngImage(30, 10))
  expect(refused.status).toBe(429)
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(600)
  const body = (await refused.json()) as { error: { code: string; message: string } }
  expect(body.error.code).toBe('too_many_uploads')
  expect(body.error.message).toBe(
    'U heeft in korte tijd veel afbeeldingen geüpload. Probeer het over 10 minuten opnieuw.',
  )
  // Nothing of the refused upload was stored.
  const png = pngImage(30, 10)
  const id = createHash('sha256').update(png).digest('hex')
  expect(
    (await fetch(`${server.httpUrl}/api/documents/${DE_PEEL}/images/${id}`, { headers: { cookie: rijk } })).status,
  ).toBe(404)

  const provincie = await login(server, DEMO.provincieAuteur)
  expect((await upload(provincie, png)).status).toBe(201)
})
