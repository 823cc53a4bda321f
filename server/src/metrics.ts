// Counters and gauges of one server instance, exposed at GET /metrics in the Prometheus text format.
// Each is declared once, in METRICS: its field in `Metrics`, its Prometheus name and its help text.
import { SLOW_COMMIT_MS } from './rooms/groupCommit.ts'

interface MetricSpec {
  readonly kind: 'counter' | 'gauge'
  /** Without the `novex_` prefix. */
  readonly name: string
  readonly help: string
}

const METRICS = {
  documentLoads: { kind: 'counter', name: 'document_loads_total', help: 'Documents loaded from storage into memory.' },
  updatesAccepted: {
    kind: 'counter',
    name: 'updates_accepted_total',
    help: 'Client updates accepted by the update gate.',
  },
  updatesRefused: {
    kind: 'counter',
    name: 'updates_refused_total',
    help: 'Client updates refused by the update gate.',
  },
  batchesWritten: { kind: 'counter', name: 'batches_written_total', help: 'Update batches committed to storage.' },
  groupCommits: {
    kind: 'counter',
    name: 'group_commits_total',
    help: 'Transactions that committed the batches of one or more documents.',
  },
  commitSeconds: {
    kind: 'counter',
    name: 'commit_seconds_total',
    help: 'Time spent in group commits, waiting for storage included (÷ group_commits_total: the mean).',
  },
  gateSeconds: {
    kind: 'counter',
    name: 'gate_seconds_total',
    help: 'Time the update gate spent deciding on client updates (÷ the accepted and refused updates: the mean).',
  },
  slowCommits: {
    kind: 'counter',
    name: 'slow_commits_total',
    help: `Group commits of ${SLOW_COMMIT_MS} ms or more: every document on the server waited that long (a slow disk).`,
  },
  failedWrites: { kind: 'counter', name: 'failed_writes_total', help: 'Storage writes that failed and were retried.' },
  afterCommitFailures: {
    kind: 'counter',
    name: 'after_commit_failures_total',
    help: 'Work after a commit (link index, sign-off checks) that failed; the text itself was stored.',
  },
  compactions: { kind: 'counter', name: 'compactions_total', help: 'Update logs compacted into a snapshot.' },
  malformedFrames: { kind: 'counter', name: 'malformed_frames_total', help: 'Frames that could not be decoded.' },
  connectionsOpened: { kind: 'counter', name: 'connections_opened_total', help: 'Sync connections accepted.' },
  connectionsRefused: {
    kind: 'counter',
    name: 'connections_refused_total',
    help: 'Sync connections refused at the upgrade.',
  },
  signoffHashMismatches: {
    kind: 'counter',
    name: 'signoff_hash_mismatches_total',
    help: 'Locked sections whose stored content did not match the hash both parties signed.',
  },
  rateLimited: {
    kind: 'counter',
    name: 'rate_limited_total',
    help: 'Connections and messages refused by a rate limit.',
  },
  slowFrames: {
    kind: 'counter',
    name: 'slow_frames_total',
    help: 'Event-loop turns of client frames that took longer than the watchdog budget.',
  },
  exportsRendered: {
    kind: 'counter',
    name: 'exports_rendered_total',
    help: 'Dossier exports rendered on an export thread.',
  },
  exportsRefused: {
    kind: 'counter',
    name: 'exports_refused_total',
    help: 'Dossier exports refused (503 export_busy): every export thread busy and the queue full.',
  },
  exportsCancelled: {
    kind: 'counter',
    name: 'exports_cancelled_total',
    help: 'Dossier exports stopped, or not started, because the user left.',
  },
  mailsSent: {
    kind: 'counter',
    name: 'mails_sent_total',
    help: 'Notification e-mails the mail server accepted (a bundle counts once).',
  },
  mailsRetried: {
    kind: 'counter',
    name: 'mails_retried_total',
    help: 'Notification e-mail deliveries that failed and wait for a retry (the mail server down, busy or 4xx).',
  },
  mailsGivenUp: {
    kind: 'counter',
    name: 'mails_given_up_total',
    help: 'Notification e-mails given up: refused for good (5xx) or undelivered for a day.',
  },
  mailsWaiting: {
    kind: 'gauge',
    name: 'mails_waiting',
    help: 'Notification e-mails in the outbox not sent yet (gathering for a bundle, or waiting for the mail server).',
  },
  slowestFrameMs: {
    kind: 'gauge',
    name: 'slowest_frame_ms',
    help: 'Most CPU time one event-loop turn of client frames cost (an upper bound of one frame).',
  },
  slowestCommitMs: {
    kind: 'gauge',
    name: 'slowest_commit_ms',
    help: 'Longest group commit since start, waiting for storage included.',
  },
  slowestRejectedFrameMs: {
    kind: 'gauge',
    name: 'slowest_refused_frame_ms',
    help: 'Most CPU time of a turn up to the refusal of a malformed frame in it (an upper bound of that frame).',
  },
  documentsFailing: {
    kind: 'gauge',
    name: 'documents_failing',
    help: 'Documents whose writes are failing (clients told: read-only).',
  },
  documentsQuarantined: {
    kind: 'gauge',
    name: 'documents_quarantined',
    help: 'Documents quarantined after a corrupt stored row.',
  },
} as const satisfies Record<string, MetricSpec>

/** The server's figures, written by whoever counts; a field per entry of METRICS. */
export type Metrics = { -readonly [K in keyof typeof METRICS]: number }

export function createMetrics(): Metrics {
  const metrics = {} as Metrics
  for (const key of Object.keys(METRICS) as (keyof Metrics)[]) metrics[key] = 0
  return metrics
}

/** Figures read when /metrics is asked for, not counted. */
const LIVE: readonly (MetricSpec & { readonly read: (gauges: LiveGauges) => number })[] = [
  { kind: 'gauge', name: 'rooms_open', help: 'Documents in memory.', read: (g) => g.roomsOpen },
  { kind: 'gauge', name: 'peers_open', help: 'Open sync connections.', read: (g) => g.peersOpen },
  { kind: 'gauge', name: 'heap_used_bytes', help: 'V8 heap in use.', read: () => process.memoryUsage().heapUsed },
]

interface LiveGauges {
  readonly roomsOpen: number
  readonly peersOpen: number
}

export function renderMetrics(metrics: Metrics, gauges: LiveGauges): string {
  const lines: string[] = []
  const write = (spec: MetricSpec, value: number): void => {
    lines.push(
      `# HELP novex_${spec.name} ${spec.help}`,
      `# TYPE novex_${spec.name} ${spec.kind}`,
      `novex_${spec.name} ${value}`,
    )
  }
  for (const [key, spec] of Object.entries(METRICS) as [keyof Metrics, MetricSpec][]) write(spec, metrics[key])
  for (const spec of LIVE) write(spec, spec.read(gauges))
  return `${lines.join('\n')}\n`
}
