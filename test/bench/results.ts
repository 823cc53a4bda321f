// The records of one run: one per server × workload × size with the median figures and their ratios to
// the reference server and to the relay measured in the same run, plus our targets from issue 7.
import type { ClientFigures } from './client/clientFigures.ts'
import type { FigureName, Figures } from './figures.ts'
import type { WorkloadName } from './plan.ts'
import type { ServerName } from './servers/serverTarget.ts'

/** Figures compared as ratios (lower is better for all of them). */
export const RATIO_FIGURES = [
  'latencyP50Ms',
  'latencyP95Ms',
  'latencyP99Ms',
  'serverCpuUsPerFrame',
  'loopDelayP99Ms',
  'peakRssMiB',
  'joinMs',
  'coldLoadMs',
  'simultaneousPerJoin',
  'heapPerConnectionKiB',
  'heapPerDocumentKiB',
] as const satisfies readonly FigureName[]

export type RatioFigure = (typeof RATIO_FIGURES)[number]
export type Ratios = Partial<Record<RatioFigure, number>>

export interface BenchRecord {
  readonly workload: WorkloadName
  readonly size: string
  readonly server: ServerName
  readonly repetitions: number
  readonly figures: Figures
  readonly toReference: Ratios
  readonly toRelay: Ratios
}

export interface Target {
  readonly name: string
  readonly met: boolean | null
  readonly measured: string
}

export interface BenchResults {
  readonly mode: 'full' | 'quick'
  readonly startedAt: string
  readonly durationS: number
  /** loadAverage: the 1, 5 and 15 min load averages as the run ended (how busy the shared machine was). */
  readonly machine: { readonly cpus: number; readonly node: string; readonly loadAverage?: readonly number[] }
  readonly records: readonly BenchRecord[]
  /** The client benchmark (headless Chromium against ours); null when it failed (see errors). */
  readonly client: ClientFigures | null
  readonly targets: readonly Target[]
}

function ratiosOf(figures: Figures, base: Figures | undefined): Ratios {
  const out: Ratios = {}
  if (!base) return out
  for (const key of RATIO_FIGURES) {
    const value = figures[key]
    const denominator = base[key]
    if (typeof value === 'number' && typeof denominator === 'number' && denominator > 0) out[key] = value / denominator
  }
  return out
}

export function withRatios(rows: readonly Omit<BenchRecord, 'toReference' | 'toRelay'>[]): BenchRecord[] {
  const find = (row: Omit<BenchRecord, 'toReference' | 'toRelay'>, server: ServerName): Figures | undefined =>
    rows.find((r) => r.workload === row.workload && r.size === row.size && r.server === server)?.figures
  return rows.map((row) => ({
    ...row,
    toReference: ratiosOf(row.figures, find(row, 'reference')),
    toRelay: ratiosOf(row.figures, find(row, 'relay')),
  }))
}
