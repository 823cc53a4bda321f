// The regression check of `pnpm bench --quick`: our ratios (to the reference server and to the relay,
// measured in the same run) against the ones stored in baseline.json. Absolute times are never compared.
// A ratio regresses when it exceeds baseline × TOLERANCE + SLACK: generous, because two cores shared
// with other work make single ratios swing by tens of percent. Correctness figures have no tolerance.
import { existsSync, readFileSync } from 'node:fs'
import type { BenchResults, RatioFigure, Ratios } from './results.ts'

export const TOLERANCE = 2
export const SLACK = 0.5

/** p99 is reported but not checked: on a shared 2-core machine it swings by 10× between repetitions. */
const CHECKED: readonly RatioFigure[] = [
  'latencyP50Ms',
  'latencyP95Ms',
  'serverCpuUsPerFrame',
  'joinMs',
  'coldLoadMs',
  'heapPerConnectionKiB',
  'heapPerDocumentKiB',
]

export interface Baseline {
  readonly mode: string
  readonly tolerance: number
  readonly slack: number
  /** `workload|size` → our ratios. */
  readonly ours: Readonly<Record<string, { readonly toReference: Ratios; readonly toRelay: Ratios }>>
}

export function toBaseline(results: BenchResults): Baseline {
  const ours: Record<string, { toReference: Ratios; toRelay: Ratios }> = {}
  for (const record of results.records) {
    if (record.server === 'ours')
      ours[`${record.workload}|${record.size}`] = { toReference: record.toReference, toRelay: record.toRelay }
  }
  return { mode: results.mode, tolerance: TOLERANCE, slack: SLACK, ours }
}

export function readBaseline(file: string): Baseline | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Baseline) : null
}

/** Every regression and every correctness failure of ours, as one line each. */
export function compareWithBaseline(results: BenchResults, baseline: Baseline | null): string[] {
  const problems: string[] = []
  for (const record of results.records) {
    if (record.server !== 'ours') continue
    const where = `${record.workload} ${record.size}`
    const f = record.figures
    if (f.lostUpdates !== null && f.lostUpdates > 0) problems.push(`${where}: ${f.lostUpdates} updates lost`)
    if (f.converged === false) problems.push(`${where}: replicas did not converge`)
    if (f.lostAfterCrash !== null && f.lostAfterCrash > 0)
      problems.push(`${where}: ${f.lostAfterCrash} edits lost in a crash`)
    if (f.documentsInMemoryAfterLeave !== null && f.documentsInMemoryAfterLeave > 0)
      problems.push(`${where}: ${f.documentsInMemoryAfterLeave} documents still in memory after everyone left`)
    if (f.contentIntact === false) problems.push(`${where}: the document lost content`)
    const base = baseline?.ours[`${record.workload}|${record.size}`]
    if (!base) continue
    for (const against of ['toReference', 'toRelay'] as const) {
      for (const figure of CHECKED) {
        const now = record[against][figure]
        const then = base[against][figure]
        if (now === undefined || then === undefined) continue
        const limit = then * TOLERANCE + SLACK
        if (now > limit)
          problems.push(
            `${where}: ${figure} ${against} ${now.toFixed(2)} > ${limit.toFixed(2)} (baseline ${then.toFixed(2)})`,
          )
      }
    }
  }
  if (results.client && !results.client.typedTextSaved)
    problems.push('client: the text typed in the browser did not arrive intact on the page and the server')
  if (!baseline) problems.push('no baseline.json: run `pnpm bench --quick --write-baseline` once and commit it')
  return problems
}
