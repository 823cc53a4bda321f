// Runs one typing workload (hot room or many rooms) against one server and turns the generator's result
// and the server's monitor snapshots into figures.
import { emptyFigures, type Figures } from './figures.ts'
import type { GeneratorProcess } from './load/generatorProcess.ts'
import type { TypingSpec } from './load/messages.ts'
import type { MonitorSnapshot } from './servers/loopMonitor.ts'
import type { ServerTarget } from './servers/serverTarget.ts'

const MiB = 1024 * 1024

export async function typingPhase(
  generator: GeneratorProcess,
  server: ServerTarget,
  prefix: string,
  spec: TypingSpec,
): Promise<Figures> {
  const snapshots = new Map<string, MonitorSnapshot>()
  const gateSeconds = new Map<string, number>()
  const result = await generator.run({ kind: 'typing', endpoint: server.endpoint, prefix, spec }, async (name) => {
    // The counter first: the CPU of answering /metrics at the start then falls outside the window.
    if (server.gateSeconds) gateSeconds.set(name, await server.gateSeconds())
    snapshots.set(name, await server.snapshot())
    return undefined
  })
  if (result.kind !== 'typing') throw new Error('unexpected result')
  const start = snapshots.get('start')
  const end = snapshots.get('measured')
  if (!start || !end) throw new Error('missing server snapshots')
  const cpuMs = end.cpuUserMs + end.cpuSystemMs - (start.cpuUserMs + start.cpuSystemMs)
  const gateStart = gateSeconds.get('start')
  const gateEnd = gateSeconds.get('measured')
  return {
    ...emptyFigures(),
    editsPerSecIn: result.editsSent / (result.typingMs / 1000),
    framesPerSecOut: result.framesReceived / (result.windowMs / 1000),
    latencyP50Ms: result.latency.p50,
    latencyP95Ms: result.latency.p95,
    latencyP99Ms: result.latency.p99,
    lostUpdates: result.lostUpdates,
    converged: result.converged,
    serverCpuMs: cpuMs,
    serverCpuUsPerFrame: result.framesReceived > 0 ? (cpuMs * 1000) / result.framesReceived : null,
    gateCpuShare:
      gateStart !== undefined && gateEnd !== undefined && cpuMs > 0 ? ((gateEnd - gateStart) * 1000) / cpuMs : null,
    loopDelayP99Ms: end.loopDelayP99Ms,
    peakRssMiB: end.peakRssBytes / MiB,
    generatorCpu: result.generator.cpuFraction,
    generatorLoopDelayP99Ms: result.generator.loopDelayP99Ms,
    generatorSaturated: result.generator.saturated,
  }
}
