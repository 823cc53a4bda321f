// Counters of one server instance, exposed at GET /metrics in the Prometheus text format.
export interface Metrics {
  documentLoads: number
  updatesAccepted: number
  updatesRefused: number
  batchesWritten: number
  /** Transactions that wrote batches of one or more documents (group commits). */
  groupCommits: number
  failedWrites: number
  /** Work after a commit (the link index) that failed; the committed text itself was stored. */
  afterCommitFailures: number
  compactions: number
  malformedFrames: number
  connectionsOpened: number
  connectionsRefused: number
  signoffHashMismatches: number
  /** Connections and messages over a rate limit. */
  rateLimited: number
  /**
   * The most CPU one event-loop turn of client frames cost, in ms (the watchdog's figure; bounds each
   * frame's). Turns under 1 ms of wall time are not read (they cost less).
   */
  slowestFrameMs: number
  /** The most CPU a turn cost up to the refusal of a malformed frame in it, in ms (bounds that frame's cost). */
  slowestRejectedFrameMs: number
  /** Turns of client frames that took longer than the watchdog's budget. */
  slowFrames: number
  /** Dossier exports rendered, refused because the export threads were all busy, and cancelled by the user. */
  exportsRendered: number
  exportsRefused: number
  exportsCancelled: number
  /** Documents whose writes are failing now. */
  documentsFailing: number
  /** Documents quarantined because a stored row is corrupt. */
  documentsQuarantined: number
}

export function createMetrics(): Metrics {
  return {
    documentLoads: 0,
    updatesAccepted: 0,
    updatesRefused: 0,
    batchesWritten: 0,
    groupCommits: 0,
    failedWrites: 0,
    afterCommitFailures: 0,
    compactions: 0,
    malformedFrames: 0,
    connectionsOpened: 0,
    connectionsRefused: 0,
    signoffHashMismatches: 0,
    rateLimited: 0,
    slowestFrameMs: 0,
    slowestRejectedFrameMs: 0,
    slowFrames: 0,
    exportsRendered: 0,
    exportsRefused: 0,
    exportsCancelled: 0,
    documentsFailing: 0,
    documentsQuarantined: 0,
  }
}

export function renderMetrics(metrics: Metrics, gauges: { roomsOpen: number; peersOpen: number }): string {
  const lines: string[] = []
  const counter = (name: string, help: string, value: number): void => {
    lines.push(`# HELP novex_${name} ${help}`, `# TYPE novex_${name} counter`, `novex_${name} ${value}`)
  }
  const gauge = (name: string, help: string, value: number): void => {
    lines.push(`# HELP novex_${name} ${help}`, `# TYPE novex_${name} gauge`, `novex_${name} ${value}`)
  }
  counter('document_loads_total', 'Documents loaded from storage into memory.', metrics.documentLoads)
  counter('updates_accepted_total', 'Client updates accepted by the update gate.', metrics.updatesAccepted)
  counter('updates_refused_total', 'Client updates refused by the update gate.', metrics.updatesRefused)
  counter('batches_written_total', 'Update batches committed to storage.', metrics.batchesWritten)
  counter(
    'group_commits_total',
    'Transactions that committed the batches of one or more documents.',
    metrics.groupCommits,
  )
  counter('failed_writes_total', 'Storage writes that failed and were retried.', metrics.failedWrites)
  counter(
    'after_commit_failures_total',
    'Work after a commit (link index, sign-off checks) that failed; the text itself was stored.',
    metrics.afterCommitFailures,
  )
  counter('compactions_total', 'Update logs compacted into a snapshot.', metrics.compactions)
  counter('malformed_frames_total', 'Frames that could not be decoded.', metrics.malformedFrames)
  counter('connections_opened_total', 'Sync connections accepted.', metrics.connectionsOpened)
  counter('connections_refused_total', 'Sync connections refused at the upgrade.', metrics.connectionsRefused)
  counter(
    'signoff_hash_mismatches_total',
    'Locked sections whose stored content did not match the hash both parties signed.',
    metrics.signoffHashMismatches,
  )
  counter('rate_limited_total', 'Connections and messages refused by a rate limit.', metrics.rateLimited)
  counter(
    'slow_frames_total',
    'Event-loop turns of client frames that took longer than the watchdog budget.',
    metrics.slowFrames,
  )
  counter('exports_rendered_total', 'Dossier exports rendered on an export thread.', metrics.exportsRendered)
  counter(
    'exports_refused_total',
    'Dossier exports refused (503 export_busy): every export thread busy and the queue full.',
    metrics.exportsRefused,
  )
  counter(
    'exports_cancelled_total',
    'Dossier exports stopped, or not started, because the user left.',
    metrics.exportsCancelled,
  )
  gauge(
    'slowest_frame_ms',
    'Most CPU time one event-loop turn of client frames cost (an upper bound of one frame).',
    metrics.slowestFrameMs,
  )
  gauge(
    'slowest_refused_frame_ms',
    'Most CPU time of a turn up to the refusal of a malformed frame in it (an upper bound of that frame).',
    metrics.slowestRejectedFrameMs,
  )
  gauge('documents_failing', 'Documents whose writes are failing (clients told: read-only).', metrics.documentsFailing)
  gauge('documents_quarantined', 'Documents quarantined after a corrupt stored row.', metrics.documentsQuarantined)
  gauge('rooms_open', 'Documents in memory.', gauges.roomsOpen)
  gauge('peers_open', 'Open sync connections.', gauges.peersOpen)
  gauge('heap_used_bytes', 'V8 heap in use.', process.memoryUsage().heapUsed)
  return `${lines.join('\n')}\n`
}
