// Memory against one server: heap per connection or per document from the heap after a full GC before
// and while connected; documents still in memory once everyone left.
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
  const snapshots = new Map<string, MonitorSnapshot>()
  let documentsLeft: number | null = null
  const result = await generator.run({ kind: 'memory', endpoint: server.endpoint, prefix, spec }, async (name) => {
    snapshots.set(name, await server.snapshot())
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
