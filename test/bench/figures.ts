// One measured phase (one server, one workload, one size, one repetition) as plain figures, and the
// median over repetitions. Absent figures are null (e.g. the relay cannot serve a late joiner).
export interface Figures {
  /** Edits sent by writers per second of typing. */
  editsPerSecIn: number | null
  /** Frames received by all sockets per second of the measured window. */
  framesPerSecOut: number | null
  latencyP50Ms: number | null
  latencyP95Ms: number | null
  latencyP99Ms: number | null
  lostUpdates: number | null
  converged: boolean | null
  /** Server CPU (user + system) per frame delivered, in microseconds. */
  serverCpuUsPerFrame: number | null
  serverCpuMs: number | null
  loopDelayP99Ms: number | null
  peakRssMiB: number | null
  generatorCpu: number | null
  /** The generator's own event-loop delay p99 (ms, beyond the 10 ms resolution). */
  generatorLoopDelayP99Ms: number | null
  generatorSaturated: boolean | null
  // Large-document join.
  joinMs: number | null
  simultaneousJoinMs: number | null
  /** Time of N simultaneous joins / (N × one join): ≤ 1 means they cost no more than N single joins. */
  simultaneousPerJoin: number | null
  coldLoadMs: number | null
  documentBytes: number | null
  contentIntact: boolean | null
  // Memory.
  heapPerConnectionKiB: number | null
  heapPerDocumentKiB: number | null
  documentsInMemoryAfterLeave: number | null
  // Update gate (in-process micro-benchmark).
  /** Time of the gate per single-character update on a document of `documentBytes`. */
  gateUsPerUpdate: number | null
  /** Typing phases, ours only: the gate's time (its /metrics counter) ÷ the server's CPU time in the window. */
  gateCpuShare: number | null
  // Storage.
  bytesWrittenPerEdit: number | null
  rowsPerEdit: number | null
  lostAfterCrash: number | null
}

export function emptyFigures(): Figures {
  return {
    editsPerSecIn: null,
    framesPerSecOut: null,
    latencyP50Ms: null,
    latencyP95Ms: null,
    latencyP99Ms: null,
    lostUpdates: null,
    converged: null,
    serverCpuUsPerFrame: null,
    serverCpuMs: null,
    loopDelayP99Ms: null,
    peakRssMiB: null,
    generatorCpu: null,
    generatorLoopDelayP99Ms: null,
    generatorSaturated: null,
    joinMs: null,
    simultaneousJoinMs: null,
    simultaneousPerJoin: null,
    coldLoadMs: null,
    documentBytes: null,
    contentIntact: null,
    heapPerConnectionKiB: null,
    heapPerDocumentKiB: null,
    documentsInMemoryAfterLeave: null,
    gateUsPerUpdate: null,
    gateCpuShare: null,
    bytesWrittenPerEdit: null,
    rowsPerEdit: null,
    lostAfterCrash: null,
  }
}

export type FigureName = keyof Figures

/** Medians of numbers; booleans: true only when true in every repetition (any lost run counts). */
export function medianFigures(runs: readonly Figures[]): Figures {
  const out = emptyFigures()
  const first = runs[0]
  if (!first) return out
  for (const key of Object.keys(first) as FigureName[]) {
    const values = runs.map((r) => r[key])
    if (values.every((v) => v === null)) continue
    if (typeof values.find((v) => v !== null) === 'boolean') {
      const flag = key === 'generatorSaturated' ? values.some((v) => v === true) : values.every((v) => v === true)
      ;(out as Record<FigureName, unknown>)[key] = flag
      continue
    }
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b)
    const mid = numbers.length >> 1
    const med =
      numbers.length === 0
        ? null
        : numbers.length % 2
          ? numbers[mid]
          : ((numbers[mid - 1] ?? 0) + (numbers[mid] ?? 0)) / 2
    ;(out as Record<FigureName, unknown>)[key] = med ?? null
  }
  return out
}
