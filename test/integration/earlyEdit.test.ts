// A page comes back online with changes the server has not seen (offline edits, kept in the page's
// local copy) and the user types on at once. y-websocket's provider sends that keystroke the moment the
// socket opens, before the sync exchange has carried the offline changes over; the keystroke's update
// then refers to structs the server does not have yet. The server must wait for the exchange instead of
// refusing it: a refusal makes our page rebuild the whole document, and leaves a stock provider unaware.
import { MessageType, orderedSections } from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL, metric } from '../helpers/documents.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let rijk: string
let provincie: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startServer()
  rijk = await login(server, DEMO.rijkAuteur)
  provincie = await login(server, DEMO.provincieAuteur)
})

afterAll(async () => {
  for (const c of clients) c.destroy()
  await server.stop()
  server.cleanup()
})

function titleOf(client: TestClient, index: number): string {
  return orderedSections(client.doc)[index]?.title.toString() ?? ''
}

describe('an edit sent as the socket opens, after offline edits', () => {
  for (const app of [true, false]) {
    it(`is applied, not refused (${app ? 'our page' : 'a stock provider'})`, async () => {
      const index = app ? 2 : 3
      const writer = connectClient(server, DE_PEEL, { cookie: rijk, app })
      const other = connectClient(server, DE_PEEL, { cookie: provincie })
      clients.push(writer, other)
      await Promise.all([writer.synced(), other.synced()])
      const refusedBefore = await metric(server.httpUrl, 'updates_refused_total')

      writer.provider.disconnect()
      const title = orderedSections(writer.doc)[index]?.title
      if (!title) throw new Error('De Peel has too few sections')
      title.insert(0, 'Offline. ')
      // The next keystroke goes out as soon as the socket is open: before the server's sync step 1 is in.
      let typedAtOpen = false
      writer.provider.on('status', ({ status }: { status: string }) => {
        if (status !== 'connected' || typedAtOpen) return
        typedAtOpen = true
        title.insert(0, 'Meteen. ')
      })
      writer.provider.connect()

      await waitFor(() => titleOf(other, index).startsWith('Meteen. Offline. '), {
        message: 'both edits at the other client',
      })
      if (app) await writer.saved()
      expect(typedAtOpen).toBe(true)
      expect(writer.appFrames).not.toContain(MessageType.refused)
      expect(await metric(server.httpUrl, 'updates_refused_total')).toBe(refusedBefore)
    })
  }
})
