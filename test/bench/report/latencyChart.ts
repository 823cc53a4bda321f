// An SVG bar chart of propagation latency percentiles (p50, p95, p99) per server, one group per typing
// workload and size, on a log scale (the relay's floor and a saturated server differ by orders). Plain
// SVG text, no dependency.
import type { BenchRecord } from '../results.ts'
import { SERVER_NAMES } from '../servers/serverTarget.ts'

const COLORS = { ours: '#1f6feb', reference: '#8250df', hocuspocus: '#d1242f', relay: '#57606a' } as const
const PERCENTILES = [
  { key: 'latencyP50Ms', label: 'p50', opacity: 1 },
  { key: 'latencyP95Ms', label: 'p95', opacity: 0.65 },
  { key: 'latencyP99Ms', label: 'p99', opacity: 0.35 },
] as const

const escapeXml = (s: string): string => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')

export function latencyChart(records: readonly BenchRecord[]): string {
  const typing = records.filter((r) => r.figures.latencyP50Ms !== null)
  const groups = [...new Set(typing.map((r) => `${r.workload} ${r.size}`))]
  const bar = 7
  const serverWidth = bar * PERCENTILES.length + 4
  const groupWidth = serverWidth * SERVER_NAMES.length + 24
  const left = 60
  const top = 40
  const height = 260
  const width = Math.max(760, left + Math.max(1, groups.length) * groupWidth + 20)
  const values = typing.flatMap((r) => PERCENTILES.map((p) => r.figures[p.key] ?? 0)).filter((v) => v > 0)
  const min = 0.1
  const max = Math.max(10, ...values) * 1.2
  const y = (v: number): number => top + height - (Math.log10(Math.max(v, min) / min) / Math.log10(max / min)) * height
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${top + height + 70}" font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${left}" y="20" font-size="14">Propagation latency, edit on writer → applied on full observers (ms, log scale; bars p50 / p95 / p99)</text>`,
  ]
  for (let tick = min; tick <= max; tick *= 10) {
    out.push(
      `<line x1="${left}" x2="${width - 10}" y1="${y(tick).toFixed(1)}" y2="${y(tick).toFixed(1)}" stroke="#d0d7de"/>`,
      `<text x="${left - 6}" y="${(y(tick) + 4).toFixed(1)}" text-anchor="end">${tick >= 1 ? tick.toFixed(0) : tick}</text>`,
    )
  }
  groups.forEach((group, g) => {
    const x0 = left + g * groupWidth + 12
    SERVER_NAMES.forEach((server, s) => {
      const record = typing.find((r) => `${r.workload} ${r.size}` === group && r.server === server)
      if (!record) return
      PERCENTILES.forEach((p, i) => {
        const v = record.figures[p.key] ?? 0
        const x = x0 + s * serverWidth + i * bar
        out.push(
          `<rect x="${x}" y="${y(v).toFixed(1)}" width="${bar - 1}" height="${(top + height - y(v)).toFixed(1)}" fill="${COLORS[server]}" fill-opacity="${p.opacity}"><title>${escapeXml(`${group} ${server} ${p.label}: ${v.toFixed(2)} ms`)}</title></rect>`,
        )
      })
    })
    out.push(
      `<text x="${x0 + (groupWidth - 24) / 2}" y="${top + height + 16}" text-anchor="middle">${escapeXml(group)}</text>`,
    )
  })
  SERVER_NAMES.forEach((server, s) => {
    const x = left + s * 120
    out.push(
      `<rect x="${x}" y="${top + height + 34}" width="12" height="12" fill="${COLORS[server]}"/>`,
      `<text x="${x + 16}" y="${top + height + 44}">${server}</text>`,
    )
  })
  out.push('</svg>')
  return `${out.join('\n')}\n`
}
