// Memory: light connections that complete the handshake and stay idle, spread over `documents`
// documents. The runner reads the server's heap (after a full GC) before, while connected, and after
// everyone left, and how many documents the server still holds then.
import type { Endpoint } from '../servers/serverTarget.ts'
import { connectAll, sleep } from './connectAll.ts'
import { FrameCounter } from './frameCounter.ts'
import { startLoadMeter } from './generatorLoad.ts'
import { LightViewer } from './lightViewer.ts'
import type { MemoryResult, MemorySpec } from './messages.ts'

/** Time the servers get to unload rooms after the last socket closed. */
const SETTLE_MS = 1_500
/**
 * After an unmeasured round: a server that has not let the document go by the measured round's first
 * heap reading just keeps it, and the measured connections join it (`memoryPhase.ts`).
 */
const WARM_UP_SETTLE_MS = 300
/** Connected sockets get this long to settle (their handshake's garbage) before the heap is read. */
const CONNECTED_SETTLE_MS = 500

export async function runMemory(
  endpoint: Endpoint,
  prefix: string,
  spec: MemorySpec,
  checkpoint: (name: string) => Promise<unknown>,
): Promise<MemoryResult> {
  const counter = new FrameCounter()
  await checkpoint('before')
  const meter = startLoadMeter()
  const started = performance.now()
  const total = spec.documents * spec.connectionsPerDocument
  const viewers = await connectAll(
    total,
    (i) => new LightViewer(endpoint, `${prefix}-${i % spec.documents}`, counter),
    (v) => v.synced,
  )
  const connectMs = performance.now() - started
  const generator = meter()
  if (!spec.warmUp) await sleep(CONNECTED_SETTLE_MS)
  await checkpoint('connected')
  await Promise.all(viewers.map((v) => v.close()))
  await sleep(spec.warmUp ? WARM_UP_SETTLE_MS : SETTLE_MS)
  await checkpoint('left')
  return { kind: 'memory', connections: total, connectMs, generator }
}
