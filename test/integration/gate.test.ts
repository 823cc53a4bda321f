// The update gate with raw clients that have edit rights: writes to server-owned state, to roots that
// are not part of the document, and updates mixing allowed and forbidden parts are refused whole.
import { MessageType, metaMap, orderedSections } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL, outline } from '../helpers/documents.ts'
import { readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let witness: TestClient
let raw: RawSocket
let forged: Y.Doc

beforeAll(async () => {
  server = await startServer()
  const cookie = await login(server, DEMO.provincieAuteur)
  witness = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await witness.synced()
  const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, { cookie })
  if (outcome.kind !== 'open') throw new Error('could not connect')
  raw = outcome.socket
  forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
})

afterAll(async () => {
  raw.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

function capture(change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const handler = (u: Uint8Array) => updates.push(u)
  forged.on('update', handler)
  forged.transact(change)
  forged.off('update', handler)
  return Y.mergeUpdates(updates)
}

async function expectRefused(update: Uint8Array, reason: string): Promise<void> {
  const before = raw.frames.length
  raw.send(syncUpdate(update))
  await waitFor(() => raw.frames.slice(before).some((f) => readFrame(f).type === MessageType.refused), {
    message: `refusal ${reason}`,
  })
  expect(
    raw.frames
      .slice(before)
      .map(readFrame)
      .find((f) => f.type === MessageType.refused)?.strings?.[0],
  ).toBe(reason)
}

it('refuses writes to server-owned state, unknown roots and mixed updates, and applies none of them', async () => {
  const committedBefore = readCommitted(server.dataDir, DE_PEEL)
  await expectRefused(
    capture(() => metaMap(forged).set('status', 'vastgesteld')),
    'server-owned',
  )
  // The forged replica now holds refused changes; start again from the server's state.
  forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
  await expectRefused(
    capture(() => forged.getMap('rommel').set('x', 1)),
    'schema',
  )
  forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
  await expectRefused(
    capture(() => {
      orderedSections(forged)[0]?.title.insert(0, 'GEMENGD ')
      metaMap(forged).set('status', 'vastgesteld')
    }),
    'server-owned',
  )
  // An accepted edit afterwards proves the refused ones were processed and dropped.
  orderedSections(witness.doc)[1]?.title.insert(0, '+')
  await witness.saved()
  expect(outline(witness.doc).join()).not.toContain('GEMENGD')
  expect(metaMap(witness.doc).get('status')).toBeUndefined()
  expect(witness.doc.share.has('rommel')).toBe(false)
  const committed = readCommitted(server.dataDir, DE_PEEL)
  expect(committed.rows).toBe(committedBefore.rows + 1)
  expect(outline(committed.doc).join()).not.toContain('GEMENGD')
  expect(metaMap(committed.doc).get('status')).toBeUndefined()
})
