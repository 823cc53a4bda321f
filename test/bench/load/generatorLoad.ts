// The generator's own load over a measured window: CPU per wall time and event-loop delay. Saturated
// means either: busy ≥ 85 % of a core, or its own event loop lagging (on a shared machine a generator
// starved of CPU lags without being busy).
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { GeneratorLoad } from './messages.ts'

const SATURATED = 0.85
/** A generator whose own event loop lags this much adds that lag to every latency it records. */
const LAGGING_MS = 50
/** The delay histogram records whole sampling intervals; the delay is what exceeds one. */
const RESOLUTION_MS = 10

export function startLoadMeter(): () => GeneratorLoad {
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  delay.enable()
  const cpu = process.cpuUsage()
  const started = performance.now()
  return () => {
    const used = process.cpuUsage(cpu)
    delay.disable()
    const cpuFraction = (used.user + used.system) / 1000 / (performance.now() - started)
    const loopDelayP99Ms = Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS)
    return { cpuFraction, loopDelayP99Ms, saturated: cpuFraction >= SATURATED || loopDelayP99Ms >= LAGGING_MS }
  }
}
