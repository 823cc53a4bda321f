// Derives baseline.json from several quick runs (their results/quick/latest.json, copied aside after each):
//   node --import tsx bench/deriveBaseline.ts run1.json run2.json … [--comment "when and how"]
// For every ratio of ours it keeps the band (min, median, max) over the runs (latencies: those whose load
// generator did not saturate), and gates the ratio when that band is narrow (see baseline.ts). Commit the
// result deliberately, with the runs' conditions in the comment (after `npx biome check --write` on it).
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type Against,
  type Band,
  type Baseline,
  type BaselineFigure,
  type DerivationRun,
  GC_BOUND,
  GENERATOR_TIMED,
  LOAD_BOUND,
  MARGIN,
  NEVER_GATED,
  NEVER_GATED_TO_RELAY,
  recordKey,
  STABLE_SPREAD,
  saturated,
} from './baseline.ts'
import { median } from './load/percentiles.ts'
import { type BenchResults, RATIO_FIGURES, type RatioFigure } from './results.ts'

const AGAINST: readonly Against[] = ['toReference', 'toRelay']

type Run = BenchResults & { readonly machine: BenchResults['machine'] & { readonly loadAverage?: readonly number[] } }

function band(values: readonly number[]): Band | null {
  if (values.length === 0) return null
  return { min: Math.min(...values), median: median(values), max: Math.max(...values), runs: values.length }
}

/** Whether a ratio is gated (stable over at least two runs and not noisy by nature), and why. */
function gating(figure: RatioFigure, against: Against, b: Band | null): { gated: boolean; why: string } {
  const not = (why: string): { gated: boolean; why: string } => ({ gated: false, why })
  if (NEVER_GATED.includes(figure)) return not('a tail percentile of a few seconds')
  if (LOAD_BOUND.includes(figure)) return not("follows the machine's load (see LOAD_BOUND in baseline.ts)")
  if (GC_BOUND.includes(figure))
    return not('follows garbage collection at 100 connections (see GC_BOUND in baseline.ts)')
  if (against === 'toRelay' && NEVER_GATED_TO_RELAY.includes(figure))
    return not("the relay's own heap per document is GC noise")
  if (!b || b.runs < 2) return not('fewer than 2 runs (with an unsaturated generator)')
  const spread = b.min > 0 ? b.max / b.min : Number.POSITIVE_INFINITY
  if (spread > STABLE_SPREAD) return not(`swings ${spread.toFixed(1)}× between runs`)
  return { gated: true, why: `stable: max ${spread.toFixed(2)}× min` }
}

export function deriveBaseline(runs: readonly Run[], comment: string): Baseline {
  const figures: BaselineFigure[] = []
  const keys = [...new Set(runs.flatMap((run) => run.records.filter((r) => r.server === 'ours').map(recordKey)))]
  for (const key of keys) {
    for (const against of AGAINST) {
      for (const figure of RATIO_FIGURES) {
        const calm: number[] = []
        const busy: number[] = []
        for (const run of runs) {
          const record = run.records.find((r) => r.server === 'ours' && recordKey(r) === key)
          const value = record?.[against][figure]
          if (!record || value === undefined) continue
          const generatorDelayed = GENERATOR_TIMED.includes(figure) && saturated(run, record, against)
          ;(generatorDelayed ? busy : calm).push(value)
        }
        if (calm.length === 0 && busy.length === 0) continue
        const b = band(calm)
        const { gated, why } = gating(figure, against, b)
        figures.push({
          record: key,
          against,
          figure,
          band: b,
          busyMax: busy.length > 0 ? Math.max(...busy) : null,
          gated,
          limit: gated && b ? b.max * MARGIN : null,
          why,
        })
      }
    }
  }
  const derivedFrom: DerivationRun[] = runs.map((run) => ({
    startedAt: run.startedAt,
    durationS: run.durationS,
    loadAverage: run.machine.loadAverage ?? null,
    saturatedPhases: run.records.filter((r) => r.figures.generatorSaturated === true).length,
  }))
  return {
    $comment: comment,
    version: 2,
    mode: runs[0]?.mode ?? 'quick',
    margin: MARGIN,
    stableSpread: STABLE_SPREAD,
    derivedFrom,
    figures,
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const at = args.indexOf('--comment')
  const comment = at >= 0 ? (args[at + 1] ?? '') : ''
  const files = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1))
  const runs = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as Run)
  const baseline = deriveBaseline(runs, comment)
  const out = fileURLToPath(new URL('baseline.json', import.meta.url))
  writeFileSync(out, `${JSON.stringify(baseline, null, 2)}\n`)
  const gated = baseline.figures.filter((f) => f.gated)
  process.stdout.write(
    `${out}: ${gated.length} gated of ${baseline.figures.length} ratios from ${runs.length} runs\n` +
      gated.map((f) => `  gated ${f.record} ${f.figure} ${f.against} limit ${f.limit?.toFixed(2)}\n`).join(''),
  )
}
