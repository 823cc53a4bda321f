// Memory against one server: heap per connection or per document from the heap after a full GC before
// and while connected; documents still in memory once everyone left.
// Heap per connection is measured on a second round of the same connections to the same document: the
// first round leaves behind what a server makes once, not per connection (V8's compiled and optimised
// code for the connection path, Node's pool of HTTP parsers, caches), which made up ~0.7 KiB of the
// "per connection" figure in a heap snapshot diff of our server. Every server gets the same warm-up.
// Heap per document has no warm-up: the reference server would keep the first round's documents.
import { emptyFigures, type Figures } from './figures.ts'
import type { GeneratorProcess } from './load/generatorProcess.ts'
import type { MemorySpec } from './load/messages.ts'
import type { MonitorSnapshot } from './servers/loopMonitor.ts'
import type { ServerTarget } from './servers/serverTarget.ts'

export async function memoryPhase(
  generator: GeneratorProcess,
  server: ServerTarget,
  prefix: string,
  spec: MemorySpec,
): Promise<Figures> {
  if (spec.documents === 1) {
    // A full GC before the warm-up round, not only before the measured one: otherwise the first reading
    // after the typing and join phases was low (ours, 100 connections: 1.3–1.6 KiB per connection in the
    // first round against 2.6–3.2 in the rounds after it, −1.0 in a quick run; with this GC 3.1, then
    // 2.6–3.2), because the "before" heap still held what the earlier phases left and it was freed while
    // the connections were measured.
    await server.snapshot({ heap: true })
    const warmUp = await generator.run(
      { kind: 'memory', endpoint: server.endpoint, prefix, spec: { ...spec, warmUp: true } },
      async () => undefined,
    )
    if (warmUp.kind !== 'memory') throw new Error('unexpected result')
  }
  const snapshots = new Map<string, MonitorSnapshot>()
  let documentsLeft: number | null = null
  const result = await generator.run({ kind: 'memory', endpoint: server.endpoint, prefix, spec }, async (name) => {
    snapshots.set(name, await server.snapshot({ heap: true }))
    if (name === 'left') documentsLeft = await server.documentsInMemory()
    return undefined
  })
  if (result.kind !== 'memory') throw new Error('unexpected result')
  const before = snapshots.get('before')
  const connected = snapshots.get('connected')
  if (!before || !connected) throw new Error('missing server snapshots')
  const heapKiB = (connected.heapUsedBytes - before.heapUsedBytes) / 1024
  const perConnection = heapKiB / result.connections
  return {
    ...emptyFigures(),
    heapPerConnectionKiB: spec.documents === 1 ? perConnection : null,
    heapPerDocumentKiB: spec.documents > 1 ? heapKiB / spec.documents : null,
    documentsInMemoryAfterLeave: documentsLeft,
    peakRssMiB: connected.peakRssBytes / (1024 * 1024),
    loopDelayP99Ms: connected.loopDelayP99Ms,
    generatorCpu: result.generator.cpuFraction,
    generatorLoopDelayP99Ms: result.generator.loopDelayP99Ms,
    generatorSaturated: result.generator.saturated,
  }
}
