// The generator's own load over a measured window: CPU per wall time and event-loop delay.
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type { GeneratorLoad } from './messages.ts'

const SATURATED = 0.85
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
    return {
      cpuFraction,
      loopDelayP99Ms: Math.max(0, delay.percentile(99) / 1e6 - RESOLUTION_MS),
      saturated: cpuFraction >= SATURATED,
    }
  }
}
