// Storage: writers type a fixed number of edits while an observer applies them; the runner reads the
// bytes and rows written. With `crash` the runner kills the server once the observer has every edit (a
// broadcast edit is one the server treated as done), restarts it and hands back its endpoint; a fresh
// client then counts how many observed edits survived.
import * as Y from 'yjs'
import type { Endpoint } from '../servers/serverTarget.ts'
import { seedUpdate, typingTarget } from './benchDocument.ts'
import { connectAll, sleep, until } from './connectAll.ts'
import { FrameCounter } from './frameCounter.ts'
import { FullClient } from './fullClient.ts'
import { startLoadMeter } from './generatorLoad.ts'
import type { StorageResult, StorageSpec } from './messages.ts'

const EDIT_INTERVAL_MS = 50

export async function runStorage(
  endpoint: Endpoint,
  name: string,
  spec: StorageSpec,
  checkpoint: (name: string) => Promise<Endpoint | undefined>,
): Promise<StorageResult> {
  const counter = new FrameCounter()
  const seed = seedUpdate()
  const writers = await connectAll(
    spec.writers,
    () => new FullClient(endpoint, name, counter, seed),
    (c) => c.synced,
  )
  const observer = new FullClient(endpoint, name, counter, seed)
  await observer.synced
  await sleep(300)
  await checkpoint('start')
  const meter = startLoadMeter()
  for (let i = 0; i < spec.editsPerWriter; i++) {
    for (const writer of writers) typingTarget(writer.doc).insert(0, 'x')
    await sleep(EDIT_INTERVAL_MS)
  }
  const editsSent = spec.editsPerWriter * spec.writers
  const observed = (): Map<number, number> =>
    new Map(writers.map((w) => [w.doc.clientID, Y.getState(observer.doc.store, w.doc.clientID)]))
  const total = (clocks: Map<number, number>): number => [...clocks.values()].reduce((a, b) => a + b, 0)
  await until(() => total(observed()) >= editsSent, 15_000)
  const seen = observed()
  const generator = meter()
  const restarted = await checkpoint('typed')
  let lostAfterCrash: number | null = null
  if (spec.crash && restarted) {
    const fresh = new FullClient(restarted, name, counter)
    await fresh.synced
    await sleep(200)
    lostAfterCrash = 0
    for (const [client, clock] of seen) lostAfterCrash += Math.max(0, clock - Y.getState(fresh.doc.store, client))
    await fresh.close()
  } else {
    await Promise.all([...writers, observer].map((c) => c.close()))
  }
  return { kind: 'storage', editsSent, editsObserved: total(seen), lostAfterCrash, generator }
}
