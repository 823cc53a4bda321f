// Re-renders results/latest.md and results/latency.svg from results/latest.json (after a change to the
// report code, without measuring again): `node --import tsx bench/report/renderLatest.ts`.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BenchResults } from '../results.ts'
import { latencyChart } from './latencyChart.ts'
import { markdownReport } from './markdownReport.ts'

const out = fileURLToPath(new URL('../results', import.meta.url))
const results = JSON.parse(readFileSync(join(out, 'latest.json'), 'utf8')) as BenchResults & { errors?: string[] }
writeFileSync(join(out, 'latest.md'), markdownReport(results))
writeFileSync(join(out, 'latency.svg'), latencyChart(results.records))
