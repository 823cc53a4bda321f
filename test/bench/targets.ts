// Our targets from issue 7, checked against the records of the same run (the largest size measured).
import { type ClientFigures, KEY_TO_PAINT_TARGET_MS } from './client/clientFigures.ts'
import type { Figures } from './figures.ts'
import { GATE_DOCUMENTS } from './gateCost.ts'
import type { WorkloadName } from './plan.ts'
import type { BenchRecord, Target } from './results.ts'
import type { ServerName } from './servers/serverTarget.ts'

function largest(records: readonly BenchRecord[], workload: WorkloadName, server: ServerName): Figures | undefined {
  const rows = records.filter((r) => r.workload === workload && r.server === server)
  const size = (r: BenchRecord): number => Number(/\d+/.exec(r.size.replaceAll(',', ''))?.[0] ?? 0)
  return rows.sort((a, b) => size(b) - size(a))[0]?.figures
}

const fmt = (n: number | null | undefined, digits = 2): string =>
  typeof n === 'number' && Number.isFinite(n) ? n.toFixed(digits) : 'n/a'

function ratioTarget(
  name: string,
  ours: number | null | undefined,
  base: number | null | undefined,
  limit: number,
): Target {
  if (typeof ours !== 'number' || typeof base !== 'number' || base <= 0) return { name, met: null, measured: 'n/a' }
  // A heap difference below zero is GC noise larger than what was measured (the quick run's 100
  // connections: ours −1.0 KiB per connection once): no verdict, rather than "met" on a negative ratio.
  if (ours < 0) return { name, met: null, measured: `not measurable (${fmt(ours)} / ${fmt(base)}: below the noise)` }
  const ratio = ours / base
  return { name, met: ratio <= limit, measured: `${fmt(ratio)}× (${fmt(ours)} / ${fmt(base)})` }
}

export function checkTargets(records: readonly BenchRecord[]): Target[] {
  const hot = (s: ServerName) => largest(records, 'hot-room', s)
  const many = (s: ServerName) => largest(records, 'many-rooms', s)
  const join = (s: ServerName) => largest(records, 'large-join', s)
  const connections = (s: ServerName) => largest(records, 'memory-connections', s)
  const documents = largest(records, 'memory-documents', 'ours')
  const storage = largest(records, 'storage', 'ours')
  const typingClean = records
    .filter((r) => r.server === 'ours' && (r.workload === 'hot-room' || r.workload === 'many-rooms'))
    .every((r) => r.figures.lostUpdates === 0 && r.figures.converged === true)
  return [
    ratioTarget('hot room: p99 ≤ 1.0× Hocuspocus', hot('ours')?.latencyP99Ms, hot('hocuspocus')?.latencyP99Ms, 1.0),
    ratioTarget('hot room: p99 ≤ 0.5× reference', hot('ours')?.latencyP99Ms, hot('reference')?.latencyP99Ms, 0.5),
    ratioTarget(
      'hot room: CPU per delivered frame ≤ Hocuspocus',
      hot('ours')?.serverCpuUsPerFrame,
      hot('hocuspocus')?.serverCpuUsPerFrame,
      1.0,
    ),
    ratioTarget('many rooms: p50 ≤ 1.3× relay', many('ours')?.latencyP50Ms, many('relay')?.latencyP50Ms, 1.3),
    ratioTarget(
      'large join: ours from SQLite (cold) ≤ 1.2× reference in memory',
      join('ours')?.coldLoadMs,
      join('reference')?.joinMs,
      1.2,
    ),
    ratioTarget('large join: ours warm ≤ 1.2× reference', join('ours')?.joinMs, join('reference')?.joinMs, 1.2),
    {
      name: 'large join: N simultaneous joins ≤ N× one join',
      met: typeof join('ours')?.simultaneousPerJoin === 'number' ? (join('ours')?.simultaneousPerJoin ?? 0) <= 1 : null,
      measured: `${fmt(join('ours')?.simultaneousPerJoin)}× N sequential`,
    },
    ratioTarget(
      'memory: heap per idle connection ≤ reference',
      connections('ours')?.heapPerConnectionKiB,
      connections('reference')?.heapPerConnectionKiB,
      1.0,
    ),
    {
      name: 'memory: no document in memory after its last client left',
      met: documents ? documents.documentsInMemoryAfterLeave === 0 : null,
      measured: `${documents?.documentsInMemoryAfterLeave ?? 'n/a'} left`,
    },
    {
      name: 'storage: loss window zero (kill -9 after broadcast)',
      met: storage ? storage.lostAfterCrash === 0 : null,
      measured: `${storage?.lostAfterCrash ?? 'n/a'} edits lost`,
    },
    gateShareTarget(hot('ours')?.gateCpuShare),
    gateSizeTarget(records),
    {
      name: 'typing: no lost updates, every replica converged',
      met: typingClean,
      measured: typingClean ? 'yes' : 'no',
    },
  ]
}

/** Issue 7: the update gate under 5 % of our server's CPU in the hot room (the largest size measured). */
const GATE_CPU_SHARE_LIMIT = 0.05

function gateShareTarget(share: number | null | undefined): Target {
  const name = `update gate: < ${GATE_CPU_SHARE_LIMIT * 100} % of our server CPU in the hot room`
  if (typeof share !== 'number') return { name, met: null, measured: 'n/a' }
  return {
    name,
    met: share < GATE_CPU_SHARE_LIMIT,
    measured: `${fmt(share * 100, 1)} % (its /metrics time ÷ the CPU time)`,
  }
}

/**
 * Issue 7: "the same per update on a 100 KB and a 10 MB document". The gate resolves by binary search, so
 * its cost must not grow with the document: the 10 MB document may cost at most this much more per update
 * than the 100 KB one (two medians of 2,000 updates each, measured in alternating blocks: 1.06–1.27× in
 * eleven runs of 2026-11-30; gateCost.ts).
 */
const GATE_SIZE_LIMIT = 1.5

function gateSizeTarget(records: readonly BenchRecord[]): Target {
  const gate = (size: string) =>
    records.find((r) => r.workload === 'update-gate' && r.size === size)?.figures.gateUsPerUpdate
  return ratioTarget(
    `update gate: the same per update on ${GATE_DOCUMENTS.large} as on ${GATE_DOCUMENTS.small} (≤ ${GATE_SIZE_LIMIT}×)`,
    gate(GATE_DOCUMENTS.large),
    gate(GATE_DOCUMENTS.small),
    GATE_SIZE_LIMIT,
  )
}

/** Issue 7's client target: an absolute time (one frame), so it is judged as measured, never against a baseline. */
export function clientTarget(client: ClientFigures | null): Target {
  const name = `client: keystroke-to-paint p95 < ${KEY_TO_PAINT_TARGET_MS} ms (${client?.words.toLocaleString('en') ?? '?'} words, ${client?.spec.remoteTypists ?? '?'} remote typists)`
  if (!client) return { name, met: null, measured: 'n/a (not in this run: not selected with --only, or it failed)' }
  return {
    name,
    met: client.targetMet,
    measured: `p50 ${fmt(client.keyToPaintP50Ms, 1)} / p95 ${fmt(client.keyToPaintP95Ms, 1)} ms over ${client.keystrokes} keystrokes; browser floor (plain contenteditable, same text) p50 ${fmt(client.floorKeyToPaintP50Ms, 1)} / p95 ${fmt(client.floorKeyToPaintP95Ms, 1)} ms; the on-screen typist's edits reached the typing page after p50 ${fmt(client.remoteToPageP50Ms, 0)} / p95 ${fmt(client.remoteToPageP95Ms, 0)} ms`,
  }
}
