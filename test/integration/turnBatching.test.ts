// What one event-loop turn of the server sends a peer goes out in one socket write (rooms/turnEnd.ts):
// a keystroke's update and the writer's caret reach every other peer together, not in two writes.
// Each write to a socket is a system call, and in the hot room those were most of the server's time.
import { MessageType, orderedSections, SyncStep } from '@novex/shared'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { awarenessFor, readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let witness: TestClient
let writer: RawSocket
let observer: RawSocket

async function open(cookie: string, app: boolean): Promise<RawSocket> {
  const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}${app ? '?app=1' : ''}`, { cookie })
  if (outcome.kind !== 'open') throw new Error(`could not connect: ${outcome.status}`)
  return outcome.socket
}

beforeAll(async () => {
  server = await startServer()
  witness = connectClient(server, DE_PEEL, { cookie: await login(server, DEMO.rijkAuteur) })
  await witness.synced()
  writer = await open(await login(server, DEMO.provincieAuteur), true)
  observer = await open(await login(server, DEMO.rijkAuteur), false)
  // In the room: the server's sync step 1 is the first thing a peer gets.
  await waitFor(() => observer.frames.some((f) => readFrame(f).step === SyncStep.step1), { message: 'observer joined' })
})

afterAll(async () => {
  writer.close()
  observer.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

it("sends a keystroke's update and the writer's caret to another peer in one write", async () => {
  const typist = new Y.Doc()
  Y.applyUpdate(typist, Y.encodeStateAsUpdate(witness.doc))
  const title = orderedSections(typist)[0]?.title
  if (!title) throw new Error('no section')
  const keystrokes = 12
  for (let i = 1; i <= keystrokes; i++) {
    const updates: Uint8Array[] = []
    const collect = (u: Uint8Array): number => updates.push(u)
    typist.on('update', collect)
    title.insert(i - 1, 'x')
    typist.off('update', collect)
    const before = observer.frames.length
    writer.sendTogether([
      syncUpdate(Y.mergeUpdates(updates)),
      awarenessFor(typist.clientID, i, { section: 'titel', cursor: i }),
    ])
    const arrived = (): { update: number; caret: number } | null => {
      const frames = observer.frames.slice(before).map(readFrame)
      const update = frames.findIndex((f) => f.type === MessageType.sync && f.step === SyncStep.update)
      const caret = frames.findIndex((f) => f.type === MessageType.awareness)
      return update < 0 || caret < 0 ? null : { update: before + update, caret: before + caret }
    }
    await waitFor(() => arrived() !== null, { message: `keystroke ${i} at the observer` })
    const { update, caret } = arrived() ?? { update: -1, caret: -1 }
    expect(observer.reads[update], `keystroke ${i}: update and caret in the same read`).toBe(observer.reads[caret])
  }
  await waitFor(() => orderedSections(witness.doc)[0]?.title.toString() === title.toString(), {
    message: 'the typed title at the witness',
  })
})
