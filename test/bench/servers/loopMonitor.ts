// Preloaded into every benchmarked server process (`--import`), so that servers we do not control are
// measured the same way as ours. On SIGUSR2 it writes what happened since the previous signal to the
// file named by BENCH_STATS_FILE: CPU time, event-loop delay percentiles, peak RSS (sampled), and the
// heap after a full GC. The runner deletes the file, signals, and waits for the file to appear.
import { renameSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

export interface MonitorSnapshot {
  readonly cpuUserMs: number
  readonly cpuSystemMs: number
  readonly loopDelayP50Ms: number
  readonly loopDelayP99Ms: number
  readonly loopDelayMaxMs: number
  readonly peakRssBytes: number
  readonly rssBytes: number
  readonly heapUsedBytes: number
  /** Documents the process holds in memory, when the server script reports it (null otherwise). */
  readonly documentsInMemory: number | null
}

declare global {
  // Set by the reference server scripts, which know their own document maps.
  var benchDocumentsInMemory: (() => number) | undefined
}

/** The histogram records whole intervals between samples; we report what exceeds the interval. */
const RESOLUTION_MS = 10
const beyondResolution = (ns: number): number => Math.max(0, ns / 1e6 - RESOLUTION_MS)

const statsFile = process.env.BENCH_STATS_FILE
if (statsFile) {
  // A full GC before reading the heap, without --expose-gc on the command line (NODE_OPTIONS refuses it).
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  delay.enable()
  let peakRss = process.memoryUsage.rss()
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss())
  }, 50)
  sampler.unref()
  process.on('SIGUSR2', () => {
    const cpu = process.cpuUsage()
    const rss = process.memoryUsage.rss()
    gc()
    const snapshot: MonitorSnapshot = {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      loopDelayP50Ms: beyondResolution(delay.percentile(50)),
      loopDelayP99Ms: beyondResolution(delay.percentile(99)),
      loopDelayMaxMs: beyondResolution(delay.max),
      peakRssBytes: Math.max(peakRss, rss),
      rssBytes: rss,
      heapUsedBytes: process.memoryUsage().heapUsed,
      documentsInMemory: globalThis.benchDocumentsInMemory?.() ?? null,
    }
    delay.reset()
    peakRss = rss
    writeFileSync(`${statsFile}.tmp`, JSON.stringify(snapshot))
    renameSync(`${statsFile}.tmp`, statsFile)
  })
}
