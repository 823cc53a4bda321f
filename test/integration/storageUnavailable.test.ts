// While the database cannot be written (another process holds the write lock; a full disk answers the
// same way), a request that must write is answered 503 `storage_unavailable` with a plain Dutch
// message, not a generic 500; nothing changed, and the same request succeeds once writing works again.
import { openDatabase } from '@novex/server'
import { orderedSections } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, DEMO_PASSWORD, login } from '../helpers/session.ts'
import { sign } from '../helpers/signoff.ts'

interface ErrorAnswer {
  readonly error: { readonly code: string; readonly message: string }
}

let server: RunningServer

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server.stop()
  server.cleanup()
})

const tryLogin = (email: string) =>
  fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })

describe('requests while the database cannot be written', () => {
  it('answers a signature and a login 503 with an explanation, and takes them once it can write', async () => {
    const signer = await login(server, DEMO.rijkOndertekenaar)
    const reader = connectClient(server, DE_PEEL, { cookie: signer })
    await reader.synced()
    const sectionId = orderedSections(reader.doc)[5]?.id as string
    reader.destroy()

    const lock = openDatabase(server.dataDir)
    lock.exec('BEGIN IMMEDIATE')
    try {
      const signed = await sign<ErrorAnswer>(server, signer, DE_PEEL, sectionId)
      expect(signed.status).toBe(503)
      expect(signed.body.error.code).toBe('storage_unavailable')
      expect(signed.body.error.message).toContain('probeer het over een minuut opnieuw')
      const loggedIn = await tryLogin(DEMO.provincieAuteur)
      expect(loggedIn.status).toBe(503)
      expect(((await loggedIn.json()) as ErrorAnswer).error.code).toBe('storage_unavailable')
    } finally {
      lock.exec('ROLLBACK')
      lock.close()
    }
    expect((await sign(server, signer, DE_PEEL, sectionId)).status).toBe(200)
    expect((await tryLogin(DEMO.provincieAuteur)).status).toBe(200)
  })
})
