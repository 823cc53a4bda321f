// The records of one run: one per server × workload × size with the median figures and their ratios to
// the reference server and to the relay measured in the same run, plus our targets from issue 7.
import type { ClientFigures } from './client/clientFigures.ts'
import type { FigureName, Figures } from './figures.ts'
import type { WorkloadName } from './plan.ts'
import type { ServerName } from './servers/serverTarget.ts'
import type { Stall } from './servers/stallSampler.ts'

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

/** The stalls of one server in one phase of one repetition (servers/stallSampler.ts). */
export interface StallRecord {
  readonly workload: WorkloadName
  readonly size: string
  readonly server: ServerName
  /** 1-based; storage runs once, on the last repetition's processes. */
  readonly repetition: number
  /** That phase's own latency p99 (before the median over repetitions), to see what the stall cost. */
  readonly phaseP99Ms: number | null
  readonly stalls: readonly Stall[]
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
  /** Every phase of every server in which its main thread stalled; null when /proc could not be sampled. */
  readonly stalls?: readonly StallRecord[] | null
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
