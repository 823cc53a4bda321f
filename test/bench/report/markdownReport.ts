// The Markdown report: one table per workload (servers as rows, the median figures and our ratios),
// then the targets, met or missed.
import type { ClientFigures } from '../client/clientFigures.ts'
import type { FigureName } from '../figures.ts'
import type { BenchRecord, BenchResults, RatioFigure, StallRecord } from '../results.ts'
import { STALL_MS } from '../servers/stallSampler.ts'

const fmt = (value: number | boolean | null | undefined, digits = 1): string => {
  if (value === null || value === undefined) return '–'
  if (typeof value === 'boolean') return value ? 'yes' : 'NO'
  if (!Number.isFinite(value)) return '–'
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en') : value.toFixed(digits)
}

const ratio = (record: BenchRecord, against: 'toReference' | 'toRelay', figure: RatioFigure): string => {
  const value = record[against][figure]
  return value === undefined ? '–' : `${value.toFixed(2)}×`
}

interface Column {
  readonly title: string
  readonly cell: (r: BenchRecord) => string
}

const figure = (title: string, name: FigureName, digits = 1): Column => ({
  title,
  cell: (r) => fmt(r.figures[name], digits),
})

const TYPING: readonly Column[] = [
  figure('edits/s in', 'editsPerSecIn', 0),
  figure('frames/s out', 'framesPerSecOut', 0),
  figure('p50 ms', 'latencyP50Ms'),
  figure('p95 ms', 'latencyP95Ms'),
  figure('p99 ms', 'latencyP99Ms'),
  { title: 'p99 ÷ ref', cell: (r) => ratio(r, 'toReference', 'latencyP99Ms') },
  { title: 'p50 ÷ relay', cell: (r) => ratio(r, 'toRelay', 'latencyP50Ms') },
  figure('lost', 'lostUpdates', 0),
  figure('converged', 'converged'),
  figure('CPU µs/frame', 'serverCpuUsPerFrame', 0),
  { title: 'CPU/frame ÷ ref', cell: (r) => ratio(r, 'toReference', 'serverCpuUsPerFrame') },
  {
    title: 'gate % of CPU',
    cell: (r) => fmt(r.figures.gateCpuShare === null ? null : r.figures.gateCpuShare * 100, 1),
  },
  figure('loop p99 ms', 'loopDelayP99Ms'),
  figure('peak RSS MiB', 'peakRssMiB', 0),
  {
    title: 'gen CPU / loop p99',
    cell: (r) =>
      `${fmt(r.figures.generatorCpu, 2)} / ${fmt(r.figures.generatorLoopDelayP99Ms, 0)} ms${r.figures.generatorSaturated ? ' SAT' : ''}`,
  },
]

const JOIN: readonly Column[] = [
  figure('doc bytes', 'documentBytes', 0),
  figure('join ms', 'joinMs'),
  { title: 'join ÷ ref', cell: (r) => ratio(r, 'toReference', 'joinMs') },
  figure('N simultaneous ÷ N×one', 'simultaneousPerJoin', 2),
  figure('cold load ms', 'coldLoadMs'),
  figure('content kept', 'contentIntact'),
  figure('server CPU ms', 'serverCpuMs', 0),
  figure('peak RSS MiB', 'peakRssMiB', 0),
]

const MEMORY: readonly Column[] = [
  figure('heap KiB/conn', 'heapPerConnectionKiB'),
  { title: 'per conn ÷ ref', cell: (r) => ratio(r, 'toReference', 'heapPerConnectionKiB') },
  figure('heap KiB/doc', 'heapPerDocumentKiB'),
  { title: 'per doc ÷ ref', cell: (r) => ratio(r, 'toReference', 'heapPerDocumentKiB') },
  figure('docs in memory after leave', 'documentsInMemoryAfterLeave', 0),
  figure('peak RSS MiB', 'peakRssMiB', 0),
]

const STORAGE: readonly Column[] = [
  figure('bytes written/edit', 'bytesWrittenPerEdit', 0),
  figure('rows/edit', 'rowsPerEdit', 2),
  figure('lost after kill -9', 'lostAfterCrash', 0),
]

const GATE: readonly Column[] = [
  figure('document bytes', 'documentBytes', 0),
  figure('gate µs/update', 'gateUsPerUpdate', 1),
]

function table(records: readonly BenchRecord[], columns: readonly Column[]): string {
  const head = ['workload', 'size', 'server', ...columns.map((c) => c.title)]
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`]
  for (const r of records)
    lines.push(`| ${[r.workload, r.size, r.server, ...columns.map((c) => c.cell(r))].join(' | ')} |`)
  return lines.join('\n')
}

/** The client benchmark beside the server tables: absolute times of one headless Chromium. */
function clientTable(client: ClientFigures | null | undefined): string {
  if (!client) return 'Client benchmark: not in this run (not selected with --only, or it failed: see errors).'
  const head = [
    'client (headless Chromium, ours)',
    'words',
    'paragraphs',
    'doc bytes',
    'editable ms',
    'keystrokes',
    'key→paint p50 / p95 / p99 / max ms',
    'key→DOM p95 ms',
    'floor key→paint p50 / p95 / p99 ms',
    'p95 / floor',
    'keydowns ≥ 16 ms (Event Timing)',
    'long frames',
    'remote edits',
    'remote edit → page p50 / p95 ms',
    'typed text saved',
    'p95 < 16 ms',
  ]
  const paint = [client.keyToPaintP50Ms, client.keyToPaintP95Ms, client.keyToPaintP99Ms, client.keyToPaintMaxMs]
  const row = [
    `open + type, ${client.spec.remoteTypists} remote typists at ${client.spec.remoteEditsPerSecond} edits/s`,
    fmt(client.words, 0),
    fmt(client.paragraphs, 0),
    fmt(client.documentBytes, 0),
    `${fmt(client.editableMs, 0)} (median of ${client.editableRunsMs.length})`,
    fmt(client.keystrokes, 0),
    paint.map((v) => fmt(v, 1)).join(' / '),
    fmt(client.keyToChangeP95Ms, 1),
    [client.floorKeyToPaintP50Ms, client.floorKeyToPaintP95Ms, client.floorKeyToPaintP99Ms]
      .map((v) => fmt(v, 1))
      .join(' / '),
    client.keyToPaintP95ToFloor === null ? 'n/a' : `${fmt(client.keyToPaintP95ToFloor, 2)}×`,
    fmt(client.slowKeydowns, 0),
    fmt(client.longFrames, 0),
    fmt(client.remoteEdits, 0),
    `${[client.remoteToPageP50Ms, client.remoteToPageP95Ms].map((v) => fmt(v, 0)).join(' / ')} (${client.remoteEditsTimed} edits)`,
    fmt(client.typedTextSaved),
    client.targetMet === null ? 'n/a' : client.targetMet ? 'met' : '**MISSED**',
  ]
  const scripts = client.longFrameTopScripts.map((s) => `\`${s.name}\` ${s.totalMs} ms`).join('; ')
  return [
    `| ${head.join(' | ')} |`,
    `|${head.map(() => '---').join('|')}|`,
    `| ${row.join(' | ')} |`,
    '',
    'Remote edit → page: how soon the edits of the remote typist two paragraphs below reached this page while its user typed (the page holds them until just after the frame of the next keystroke, at most 250 ms).',
    '',
    'Floor: the same keys, at the same rate, into the same paragraph of the same text in eight plain `contenteditable` blocks (no script, no stylesheet, nobody else typing), in the same browser and run: what Chromium itself needs on this machine.',
    '',
    `Longest scripts in long animation frames while typing: ${scripts || 'none'}.`,
  ].join('\n')
}

/** Phases in which a server's main thread sat in one system call for STALL_MS or more. */
function stallTable(records: readonly StallRecord[] | null | undefined): string {
  const title = `Stalls: a server's main thread ${STALL_MS} ms or more in one system call (sampled from /proc every 5 ms; servers/stallSampler.ts)`
  if (records === null || records === undefined) return `${title}: not sampled here (needs /proc on Linux x86-64).`
  if (records.length === 0) return `${title}: none.`
  const rows = records.flatMap((r) =>
    r.stalls.map(
      (s) =>
        `| ${r.workload} | ${r.size} | ${r.server} | ${r.repetition} | ${s.syscall} | ${s.file ?? '–'} | ${s.ms} | ${s.states.join(', ')} | ${(s.atMs / 1000).toFixed(1)} s | ${fmt(r.phaseP99Ms)} |`,
    ),
  )
  return [
    `${title}:`,
    '',
    "| workload | size | server | repetition | system call | file | ms | state (D: waiting for the device) | at | that phase's p99 ms |",
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n')
}

export function markdownReport(results: BenchResults & { errors?: readonly string[] }): string {
  const of = (...workloads: string[]) => results.records.filter((r) => workloads.includes(r.workload))
  const parts = [
    `Mode \`${results.mode}\`, ${results.machine.cpus} CPUs, Node ${results.machine.node}, ${results.startedAt}, ` +
      `${results.durationS} s; medians of ${Math.max(...results.records.map((r) => r.repetitions))} repetitions.`,
    '',
    table(of('hot-room', 'many-rooms'), TYPING),
    '',
    table(of('large-join'), JOIN),
    '',
    table(of('memory-connections', 'memory-documents'), MEMORY),
    '',
    table(of('storage'), STORAGE),
    '',
    table(of('update-gate'), GATE),
    '',
    stallTable(results.stalls),
    '',
    clientTable(results.client),
    '',
    '| target | met | measured |',
    '|---|---|---|',
    ...results.targets.map(
      (t) => `| ${t.name} | ${t.met === null ? 'n/a' : t.met ? 'met' : '**MISSED**'} | ${t.measured} |`,
    ),
  ]
  if (results.errors && results.errors.length > 0) parts.push('', 'Errors:', ...results.errors.map((e) => `- ${e}`))
  return `${parts.join('\n')}\n`
}
