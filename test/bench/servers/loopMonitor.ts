// Preloaded into every benchmarked server process (`--import`), so that servers we do not control are
// measured the same way as ours. On SIGUSR2 it writes what happened since the previous signal to the
// file named by BENCH_STATS_FILE: CPU time, event-loop delay percentiles, peak RSS (sampled), and the
// heap (after a full GC when the runner asked for one). The runner deletes the file, signals, and
// waits for the file to appear.
// With BENCH_CPU_PROFILE=<prefix> it also keeps the V8 CPU profiler running and writes the profile of
// each interval between two signals to <prefix>.<n>.cpuprofile (`--cpu-prof` is refused in NODE_OPTIONS).
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector'
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
  /** The heap in use: after a full GC when the snapshot asked for one (`heapAfterGc`). */
  readonly heapUsedBytes: number
  readonly heapAfterGc: boolean
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

/** The file whose presence asks the next snapshot for a full GC before the heap is read. */
export const gcRequest = (statsFile: string): string => `${statsFile}.gc`

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
  }, 250)
  sampler.unref()
  process.on('SIGUSR2', () => {
    const cpu = process.cpuUsage()
    const rss = process.memoryUsage.rss()
    // A full GC only when the runner asked for the heap (the memory phases). It is not free and not the
    // server's own work: it runs on in V8's helper threads after gc() returns, so a typing window opened by
    // a snapshot with a GC counted it as server CPU (ours, whose heap is larger, paid ~100 ms of CPU per
    // window when idle: 140 µs per frame at hot room N=10) and had it compete with the first keystrokes.
    const collect = existsSync(gcRequest(statsFile))
    if (collect) {
      rmSync(gcRequest(statsFile), { force: true })
      gc()
    }
    const snapshot: MonitorSnapshot = {
      cpuUserMs: cpu.user / 1000,
      cpuSystemMs: cpu.system / 1000,
      loopDelayP50Ms: beyondResolution(delay.percentile(50)),
      loopDelayP99Ms: beyondResolution(delay.percentile(99)),
      loopDelayMaxMs: beyondResolution(delay.max),
      peakRssBytes: Math.max(peakRss, rss),
      rssBytes: rss,
      heapUsedBytes: process.memoryUsage().heapUsed,
      heapAfterGc: collect,
      documentsInMemory: globalThis.benchDocumentsInMemory?.() ?? null,
    }
    delay.reset()
    peakRss = rss
    writeFileSync(`${statsFile}.tmp`, JSON.stringify(snapshot))
    renameSync(`${statsFile}.tmp`, statsFile)
    profiler?.()
  })
}

const profilePrefix = process.env.BENCH_CPU_PROFILE
const profiler = profilePrefix ? startProfiler(profilePrefix) : null

/** Starts the profiler; the returned function writes the interval's profile and starts the next one. */
function startProfiler(prefix: string): () => void {
  const session = new Session()
  session.connect()
  session.post('Profiler.enable')
  session.post('Profiler.setSamplingInterval', { interval: 500 })
  session.post('Profiler.start')
  let interval = 0
  return () => {
    interval++
    const n = interval
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(`${prefix}.${n}.cpuprofile`, JSON.stringify(result.profile))
      session.post('Profiler.start')
    })
  }
}
