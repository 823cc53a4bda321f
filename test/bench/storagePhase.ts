// Storage of our server: bytes written to disk (/proc/<pid>/io) and update rows (the batches counter of
// /metrics) per edit, then the loss window: kill -9 once an observer has every edit, restart on the same
// DATA_DIR, count the observed edits that did not survive. It runs on the last repetition's server. The other servers keep documents in memory
// only with their defaults; their figures are stated in the README, not measured here.
import { metric } from '../helpers/documents.ts'
import { emptyFigures, type Figures } from './figures.ts'
import type { GeneratorProcess } from './load/generatorProcess.ts'
import type { StorageSpec } from './load/messages.ts'
import { type OurServer, startOurServer } from './servers/ourServer.ts'
import { storageBytesWritten } from './servers/serverTarget.ts'

/** Takes over `running` (its document `name` must exist): it is killed, restarted, and stopped at the end. */
export async function storagePhase(
  generator: GeneratorProcess,
  running: OurServer,
  name: string,
  spec: StorageSpec,
): Promise<Figures> {
  let server = running
  const dataDir = server.running.dataDir
  try {
    let bytesStart = 0
    let rowsStart = 0
    let bytesPerEdit = 0
    let rowsPerEdit = 0
    const editsTotal = spec.writers * spec.editsPerWriter
    const result = await generator.run(
      { kind: 'storage', endpoint: server.endpoint, prefix: name, spec },
      async (point) => {
        if (point === 'start') {
          bytesStart = storageBytesWritten(server.pid)
          rowsStart = await metric(server.running.httpUrl, 'batches_written_total')
          return undefined
        }
        bytesPerEdit = (storageBytesWritten(server.pid) - bytesStart) / editsTotal
        rowsPerEdit = ((await metric(server.running.httpUrl, 'batches_written_total')) - rowsStart) / editsTotal
        if (!spec.crash) return undefined
        await server.running.kill()
        server = await startOurServer({ dataDir })
        return server.endpoint
      },
    )
    if (result.kind !== 'storage') throw new Error('unexpected result')
    return {
      ...emptyFigures(),
      bytesWrittenPerEdit: bytesPerEdit,
      rowsPerEdit,
      lostAfterCrash: result.lostAfterCrash,
      generatorCpu: result.generator.cpuFraction,
      generatorLoopDelayP99Ms: result.generator.loopDelayP99Ms,
      generatorSaturated: result.generator.saturated,
    }
  } finally {
    await server.stop()
  }
}
