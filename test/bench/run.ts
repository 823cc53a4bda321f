// `pnpm bench [--quick]`: the same load against our server, the reference server, Hocuspocus and a
// relay, interleaved A B C D per repetition; medians, ratios, targets; then the client benchmark in
// Chromium. Writes results/latest.{json,md} and results/latency.svg (`--quick`: results/quick/), and with
// `--quick` compares our ratios with the bands of baseline.json and exits 1 on a regression (README.md).
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { largeDocument } from './b4Document.ts'
import { compareWithBaseline, readBaseline } from './baseline.ts'
import { clientBench } from './client/clientBench.ts'
import type { ClientFigures } from './client/clientFigures.ts'
import { emptyFigures, type Figures, medianFigures } from './figures.ts'
import { GATE_DOCUMENTS, gateCosts } from './gateCost.ts'
import { GeneratorProcess } from './load/generatorProcess.ts'
import { fullPlan, type Phase, type Plan, quickPlan } from './plan.ts'
import { latencyChart } from './report/latencyChart.ts'
import { markdownReport } from './report/markdownReport.ts'
import { type BenchRecord, type BenchResults, type StallRecord, withRatios } from './results.ts'
import { documentNames, runPhase } from './runPhase.ts'
import { startChildServer } from './servers/childServer.ts'
import { startOurServer } from './servers/ourServer.ts'
import { SERVER_NAMES, type ServerName, type ServerTarget } from './servers/serverTarget.ts'
import { startStallSampler } from './servers/stallSampler.ts'
import { checkTargets, clientTarget } from './targets.ts'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const args = new Set(process.argv.slice(2))
/**
 * `--only=<workload>[,…]` (a developer's look at a few workloads, not CI): only those phases (`storage`,
 * `update-gate` and `client` are workloads too), results in results/only/, never over latest.* or quick/.
 */
const only = onlyWorkloads(process.argv.slice(2))
const plan = restrictPlan(args.has('--quick') ? quickPlan() : fullPlan(), only)
const started = Date.now()
const log = (line: string): void => {
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${line}\n`)
}

/** Every server process started, so that an interrupted run does not leave them behind. */
const serverPids = new Set<number>()

async function startTarget(name: ServerName): Promise<ServerTarget> {
  const target = name === 'ours' ? await startOurServer() : await startChildServer(name)
  serverPids.add(target.pid)
  return target
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of serverPids) {
      try {
        process.kill(pid, 'SIGKILL')
      } catch {
        // Already gone.
      }
    }
    generator.stop()
    process.exit(130)
  })
}

const key = (phase: Phase, server: ServerName): string => `${phase.workload}|${phase.size}|${server}`
const runs = new Map<string, Figures[]>()
const errors: string[] = []
const stallRecords: StallRecord[] = []
/** Whether /proc could be sampled at all (the first measured phase decides). */
let stallsSampled: boolean | null = null

const generator = new GeneratorProcess()

async function measure(phase: Phase, server: ServerTarget, tag: string, repetition: number): Promise<void> {
  const name = server.name
  const sampler = startStallSampler(server.pid)
  stallsSampled ??= sampler !== null
  try {
    const figures = await runPhase(phase, generator, server, tag)
    const stalls = sampler?.stop() ?? []
    if (stalls.length > 0) {
      const { workload, size } = phase
      stallRecords.push({ workload, size, server: name, repetition, phaseP99Ms: figures.latencyP99Ms, stalls })
      const longest = stalls.reduce((a, b) => (b.ms > a.ms ? b : a))
      log(
        `${workload} ${size} ${name}: main thread stalled ${longest.ms} ms in ${longest.syscall} (${longest.file ?? '-'})`,
      )
    }
    const list = runs.get(key(phase, name)) ?? []
    list.push(figures)
    runs.set(key(phase, name), list)
    const latency = figures.latencyP99Ms !== null ? ` p99 ${figures.latencyP99Ms.toFixed(1)} ms` : ''
    log(`${phase.workload} ${phase.size} ${name}: done${latency}`)
  } catch (error) {
    sampler?.stop()
    const message = `${phase.workload} ${phase.size} ${name}: ${error instanceof Error ? error.message : String(error)}`
    errors.push(message)
    log(`FAILED ${message}`)
  }
}

/** How long the warm-up round types (see warmUp). */
const WARM_UP_MS = 2_000

/**
 * Before the first measured round of a typing workload at a size, one round against the relay that is
 * not measured: the load generator (one process for the whole run) meets that many connections for the
 * first time there. Without it whichever server went first paid for that: in three full runs our rep-1
 * hot room N=200 p99 (ours goes first in rep 1) was 53.1, 39.4 and 27.5 ms against 19.0–30.8 ms in its
 * other repetitions.
 */
async function warmUp(phase: Phase, servers: Map<ServerName, ServerTarget>, index: number): Promise<void> {
  const relay = servers.get('relay')
  if (phase.run.kind !== 'typing' || !relay || !phase.servers.includes('relay')) return
  const { spec } = phase.run
  // Connecting that many clients is the point; a short round of typing is enough (quick stays < 3 min).
  const short: Phase = {
    ...phase,
    run: { kind: 'typing', spec: { ...spec, durationMs: Math.min(spec.durationMs, WARM_UP_MS) } },
  }
  try {
    await runPhase(short, generator, relay, tag(0, index, 'relay'))
    log(`${phase.workload} ${phase.size}: warm-up round (relay, not measured)`)
  } catch (error) {
    log(`warm-up ${phase.workload} ${phase.size} failed: ${error instanceof Error ? error.message : String(error)}`)
  }
}

/**
 * The rounds every fresh server process types through before its first measured phase, not measured: of
 * each typing workload its busiest phase (the most edits per second), shortened. V8 compiles a process's
 * code on the path during its first edits, and a full run starts fresh processes every repetition, so the
 * first phase of each (hot room N=10) was also its warm-up: ours, with the most code on the path (gate,
 * SQLite, HTTP layer), had p99 37.3, 13.1 and 6.3 ms in the three repetitions of one run, against
 * 2.7–6.6 ms for the others, and CPU per frame 2.0× the reference's there against 1.0–1.3× once warm.
 * Two seconds of hot room N=10 (12 edits) were not enough: whichever server a repetition measured first
 * still had the highest p99 of its three N=10 windows in seven of nine cases (three runs, 2026-11-30).
 * Every server gets the same rounds.
 */
const editsPerSecond = (phase: Phase): number =>
  phase.run.kind === 'typing' ? phase.run.spec.rooms * phase.run.spec.writersPerRoom * phase.run.spec.editsPerSecond : 0
const serverWarmUps: readonly Phase[] = [...new Set(plan.phases.map((phase) => phase.workload))].flatMap((workload) => {
  const busiest = plan.phases
    .filter((phase) => phase.workload === workload && phase.run.kind === 'typing')
    .reduce<Phase | null>((best, phase) => (best && editsPerSecond(best) >= editsPerSecond(phase) ? best : phase), null)
  if (busiest?.run.kind !== 'typing') return []
  const { spec } = busiest.run
  return [{ ...busiest, run: { kind: 'typing', spec: { ...spec, durationMs: Math.min(spec.durationMs, WARM_UP_MS) } } }]
})
const warmUpTag = (rep: number, index: number, name: ServerName): string => `warm-${rep}-${index}-${name}`

async function warmUpServers(servers: Map<ServerName, ServerTarget>, rep: number): Promise<void> {
  if (serverWarmUps.length === 0) return
  for (const [name, server] of servers) {
    for (const [index, phase] of serverWarmUps.entries()) {
      try {
        await runPhase(phase, generator, server, warmUpTag(rep, index, name))
      } catch (error) {
        log(`warm-up of ${name} failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
  const rounds = serverWarmUps.map((phase) => `${phase.workload} ${phase.size}`).join(', ')
  log(`servers warmed up (${rounds}, ${WARM_UP_MS / 1000} s each, not measured)`)
}

for (const phase of plan.phases) if (phase.run.kind === 'join') largeDocument(phase.run.operations)

/** Ours first (the test helper gives it 30 s, which a loaded machine needs), then the others at once. */
async function startAll(): Promise<Map<ServerName, ServerTarget>> {
  const ours = await startTarget('ours')
  const others = SERVER_NAMES.filter((name) => name !== 'ours')
  const started = await Promise.all(others.map(async (name) => [name, await startTarget(name)] as const))
  return new Map([['ours', ours], ...started])
}

async function stopAll(servers: Map<ServerName, ServerTarget>): Promise<void> {
  await Promise.all([...servers.values()].map((server) => server.stop()))
}

// Full mode: fresh processes each repetition. Quick mode: one set of processes for all repetitions
// (starting four servers costs 10–40 s on a loaded machine). Each phase visits the servers in turn
// (A B C D), rotated per repetition so that no server always goes first. Our documents are created
// before the repetitions they serve, in one seeding process.
const tag = (rep: number, index: number, name: ServerName): string => `${rep}-${index}-${name}`
const ourDocuments = (reps: readonly number[], withStorage: boolean): string[] => [
  ...reps.flatMap((rep) =>
    plan.phases.flatMap((phase, index) => (rep > 1 && phase.once ? [] : documentNames(phase, tag(rep, index, 'ours')))),
  ),
  ...serverWarmUps.flatMap((phase, index) => documentNames(phase, warmUpTag(reps[0] ?? 1, index, 'ours'))),
  ...(withStorage ? documentNames(plan.storage, 'storage') : []),
]
const allReps = Array.from({ length: plan.repetitions }, (_, i) => i + 1)
let servers: Map<ServerName, ServerTarget> | null = null
for (const rep of allReps) {
  const last = rep === plan.repetitions
  if (!servers) {
    servers = await startAll()
    const reps = plan.freshServersPerRepetition ? [rep] : allReps
    await servers.get('ours')?.createDocuments(ourDocuments(reps, !plan.freshServersPerRepetition || last))
    await warmUpServers(servers, rep)
  }
  const order = SERVER_NAMES.map((_, i) => SERVER_NAMES[(i + rep - 1) % SERVER_NAMES.length] as ServerName)
  log(`repetition ${rep}/${plan.repetitions}: ${order.join(' ')}`)
  for (const [index, phase] of plan.phases.entries()) {
    if (rep > 1 && phase.once) continue
    if (rep === 1) await warmUp(phase, servers, index)
    for (const name of order) {
      const server = servers.get(name)
      if (server && phase.servers.includes(name)) await measure(phase, server, tag(rep, index, name), rep)
    }
  }
  if (plan.freshServersPerRepetition && !last) {
    await stopAll(servers)
    servers = null
  }
}
if (servers) {
  // Storage kills and restarts our server: it goes last, on the last repetition's processes.
  const ours = servers.get('ours')
  if (ours && wanted('storage')) await measure(plan.storage, ours, 'storage', plan.repetitions)
  await stopAll(servers)
}
generator.stop()

// The update gate per update on a small and a large document, in this process, after the servers are gone.
const gate = wanted('update-gate') ? gateCosts() : null
const gateRows = gate
  ? ([
      [GATE_DOCUMENTS.small, gate.small],
      [GATE_DOCUMENTS.large, gate.large],
    ] as const)
  : []

const rows = [...plan.phases, plan.storage].flatMap((phase) =>
  SERVER_NAMES.filter((server) => runs.has(key(phase, server))).map((server) => {
    const list = runs.get(key(phase, server)) ?? []
    return {
      workload: phase.workload,
      size: phase.size,
      server,
      repetitions: list.length,
      figures: medianFigures(list),
    }
  }),
)
for (const [size, cost] of gateRows) {
  rows.push({
    workload: 'update-gate',
    size,
    server: 'ours',
    repetitions: 1,
    figures: { ...emptyFigures(), gateUsPerUpdate: cost.usPerUpdate, documentBytes: cost.documentBytes },
  })
}
// The client benchmark last, alone on the machine: a browser, our server and three remote typists.
let client: ClientFigures | null = null
if (wanted('client'))
  try {
    client = await clientBench(plan.client, log)
    log(
      `client: keystroke-to-paint p95 ${client.keyToPaintP95Ms?.toFixed(1)} ms, editable after ${client.editableMs?.toFixed(0)} ms`,
    )
  } catch (error) {
    const message = `client: ${error instanceof Error ? error.message : String(error)}`
    errors.push(message)
    log(`FAILED ${message}`)
  }

const records: BenchRecord[] = withRatios(rows)
const results: BenchResults & { errors: string[] } = {
  mode: plan.mode,
  startedAt: new Date(started).toISOString(),
  durationS: Math.round((Date.now() - started) / 1000),
  machine: {
    cpus: availableParallelism(),
    node: process.version,
    loadAverage: loadavg().map((n) => Number(n.toFixed(2))),
  },
  records,
  client,
  targets: [...checkTargets(records), clientTarget(client)],
  stalls: stallsSampled === false ? null : stallRecords,
  errors,
}
// A quick run (CI, the regression check) never overwrites the full run's files the README shows.
const out = join(HERE, 'results', ...(only ? ['only'] : plan.mode === 'quick' ? ['quick'] : []))
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`)
writeFileSync(join(out, 'latest.md'), markdownReport(results))
writeFileSync(join(out, 'latency.svg'), latencyChart(records))
process.stdout.write(markdownReport(results))
log(`wrote ${join(out, 'latest.json')} in ${results.durationS} s`)

/** Issue 7: `pnpm bench --quick` runs in under 3 minutes (149 s here since session 16; 168–187 s before). */
const QUICK_LIMIT_S = 180

if (plan.mode === 'quick' && !only) {
  const { problems, notes } = compareWithBaseline(results, readBaseline(join(HERE, 'baseline.json')))
  if (notes.length > 0)
    process.stderr.write(`\nReported, not gated (${notes.length}):\n${notes.map((n) => `  - ${n}`).join('\n')}\n`)
  const saturatedPhases = records.filter((r) => r.figures.generatorSaturated === true)
  if (saturatedPhases.length > 0)
    process.stderr.write(
      `\nLOAD GENERATOR SATURATED in ${saturatedPhases.length} phases (load average ${results.machine.loadAverage?.join(' ')}; ` +
        `the machine is busy): their latency ratios were not judged. ${saturatedPhases.map((r) => `${r.workload} ${r.server}`).join(', ')}\n`,
    )
  if (results.durationS > QUICK_LIMIT_S)
    process.stderr.write(
      `\nQUICK RUN TOOK ${results.durationS} s, over the ${QUICK_LIMIT_S} s issue 7 allows (reported, not gated: ` +
        `a busy machine is slower; load average ${results.machine.loadAverage?.join(' ')}). Shorten a phase.\n`,
    )
  const failures = [...errors, ...problems]
  if (failures.length > 0) {
    process.stderr.write(`\nBENCH REGRESSION (${failures.length}):\n${failures.map((p) => `  - ${p}`).join('\n')}\n`)
    process.exit(1)
  }
  log('no regression against baseline.json')
}
// Sockets of the servers' children are gone; nothing else should keep the process alive.
process.exit(0)

function onlyWorkloads(argv: readonly string[]): ReadonlySet<string> | null {
  const arg = argv.find((a) => a.startsWith('--only='))
  if (!arg) return null
  const names = arg.slice('--only='.length).split(',').filter(Boolean)
  const known = new Set<string>(['client', 'storage', 'update-gate', ...fullPlan().phases.map((p) => p.workload)])
  const unknown = names.filter((n) => !known.has(n))
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`--only: unknown workload ${unknown.join(', ')} (known: ${[...known].join(', ')})`)
  return new Set(names)
}

function wanted(workload: string): boolean {
  return only === null || only.has(workload)
}

function restrictPlan(full: Plan, names: ReadonlySet<string> | null): Plan {
  return names ? { ...full, phases: full.phases.filter((p) => names.has(p.workload)) } : full
}
