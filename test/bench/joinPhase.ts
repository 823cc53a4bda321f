// Large-document join against one server: figures from the generator's join result.
import { emptyFigures, type Figures } from './figures.ts'
import type { GeneratorProcess } from './load/generatorProcess.ts'
import type { JoinSpec } from './load/messages.ts'
import { median } from './load/percentiles.ts'
import type { ServerTarget } from './servers/serverTarget.ts'

const UNLOAD_TIMEOUT_MS = 20_000

export async function joinPhase(
  generator: GeneratorProcess,
  server: ServerTarget,
  name: string,
  spec: JoinSpec,
): Promise<Figures> {
  const before = await server.snapshot()
  const result = await generator.run({ kind: 'join', endpoint: server.endpoint, prefix: name, spec }, async () => {
    // The holder left: wait until the server let the document go (ours unloads once its writes are done).
    const deadline = Date.now() + UNLOAD_TIMEOUT_MS
    while (server.unloadsIdleDocuments && Date.now() < deadline && ((await server.documentsInMemory()) ?? 0) > 0) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    return undefined
  })
  if (result.kind !== 'join') throw new Error('unexpected result')
  const after = await server.snapshot()
  const oneJoin = median(result.sequentialMs)
  return {
    ...emptyFigures(),
    joinMs: oneJoin,
    simultaneousJoinMs: result.simultaneousMs,
    simultaneousPerJoin: result.simultaneousMs / (spec.simultaneousJoins * oneJoin),
    coldLoadMs: result.coldMs,
    documentBytes: result.documentBytes,
    contentIntact: result.contentIntact,
    serverCpuMs: after.cpuUserMs + after.cpuSystemMs - (before.cpuUserMs + before.cpuSystemMs),
    loopDelayP99Ms: after.loopDelayP99Ms,
    peakRssMiB: after.peakRssBytes / (1024 * 1024),
    generatorCpu: result.generator.cpuFraction,
    generatorLoopDelayP99Ms: result.generator.loopDelayP99Ms,
    generatorSaturated: result.generator.saturated,
  }
}
