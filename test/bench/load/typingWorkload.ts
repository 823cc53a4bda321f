// Hot room and many rooms: writers type single characters at a fixed rate (with a random phase), with a
// caret (awareness) update on every keystroke when presence is on; full observers apply everything and
// log each edit's latency; light viewers count frames. After typing, the drain waits until every full
// replica has every edit; what is still missing then is lost.
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Endpoint } from '../servers/serverTarget.ts'
import { seedUpdate, typingTarget } from './benchDocument.ts'
import { connectAll, sleep, until } from './connectAll.ts'
import { EditLog } from './editLog.ts'
import { FrameCounter } from './frameCounter.ts'
import { FullClient } from './fullClient.ts'
import { startLoadMeter } from './generatorLoad.ts'
import { LightViewer } from './lightViewer.ts'
import type { TypingResult, TypingSpec } from './messages.ts'
import { percentiles } from './percentiles.ts'

const DRAIN_TIMEOUT_MS = 30_000

interface RoomClients {
  readonly writers: FullClient[]
  readonly observers: FullClient[]
  readonly viewers: LightViewer[]
}

export async function runTyping(
  endpoint: Endpoint,
  prefix: string,
  spec: TypingSpec,
  checkpoint: (name: string) => Promise<unknown>,
): Promise<TypingResult> {
  const counter = new FrameCounter()
  const log = new EditLog()
  const seed = seedUpdate()
  const rooms: RoomClients[] = []
  for (let r = 0; r < spec.rooms; r++) {
    const name = `${prefix}-${r}`
    const writers = await connectAll(
      spec.writersPerRoom,
      () => new FullClient(endpoint, name, counter, seed),
      (c) => c.synced,
    )
    const observers = await connectAll(
      spec.fullObserversPerRoom,
      () => new FullClient(endpoint, name, counter, seed),
      (c) => c.synced,
    )
    const viewers = await connectAll(
      spec.lightViewersPerRoom,
      () => new LightViewer(endpoint, name, counter),
      (v) => v.synced,
    )
    rooms.push({ writers, observers, viewers })
  }
  const allFull = rooms.flatMap((room) => [...room.writers, ...room.observers])
  // Every full client measures, the writers too (in "many rooms" every client writes).
  for (const client of allFull) log.observe(client.doc)
  await sleep(300)
  await checkpoint('start')
  counter.reset()
  const meter = startLoadMeter()
  const started = performance.now()
  const intervalMs = 1000 / spec.editsPerSecond
  const timers: NodeJS.Timeout[] = []
  let editsSent = 0
  for (const room of rooms) {
    for (const writer of room.writers) {
      const text = typingTarget(writer.doc)
      const awareness = spec.presence ? new awarenessProtocol.Awareness(writer.doc) : null
      const type = (): void => {
        if (performance.now() - started >= spec.durationMs) return
        const index = Math.floor(Math.random() * (text.length + 1))
        const clock = Y.getState(writer.doc.store, writer.doc.clientID)
        log.sent(writer.doc.clientID, clock, performance.now())
        text.insert(index, String.fromCharCode(97 + (editsSent % 26)))
        editsSent++
        if (awareness) {
          awareness.setLocalStateField('cursor', { index: index + 1 })
          writer.sendAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, [writer.doc.clientID]))
        }
      }
      const phase = Math.random() * intervalMs
      timers.push(
        setTimeout(() => {
          type()
          timers.push(setInterval(type, intervalMs))
        }, phase),
      )
    }
  }
  await sleep(spec.durationMs)
  for (const timer of timers) clearTimeout(timer)
  const typingMs = performance.now() - started
  // The generator's load while typing: the drain after it is mostly waiting.
  const generator = meter()
  const finals = log.finalClocks()
  // What each full client still lacks of the edits of its own room's writers.
  const missing = (): number => {
    let lost = 0
    for (const room of rooms) {
      for (const client of [...room.writers, ...room.observers]) {
        for (const writer of room.writers) {
          const final = finals.get(writer.doc.clientID) ?? 0
          lost += Math.max(0, final - Y.getState(client.doc.store, writer.doc.clientID))
        }
      }
    }
    return lost
  }
  await until(() => missing() === 0, DRAIN_TIMEOUT_MS)
  const windowMs = performance.now() - started
  const framesReceived = counter.frames
  const bytesReceived = counter.bytes
  await checkpoint('measured')
  const lostUpdates = missing()
  const converged = rooms.every((room) => {
    const replicas = [...room.writers, ...room.observers]
    const reference = replicas[0]
    if (!reference) return true
    const text = typingTarget(reference.doc).toString()
    const vector = Y.encodeStateVector(reference.doc).join(',')
    return replicas.every(
      (c) => typingTarget(c.doc).toString() === text && Y.encodeStateVector(c.doc).join(',') === vector,
    )
  })
  await Promise.all(
    rooms.flatMap((room) => [...room.writers, ...room.observers, ...room.viewers].map((c) => c.close())),
  )
  return {
    kind: 'typing',
    editsSent,
    typingMs,
    windowMs,
    framesReceived,
    bytesReceived,
    latency: percentiles(log.latencies),
    lostUpdates,
    converged,
    generator,
  }
}
