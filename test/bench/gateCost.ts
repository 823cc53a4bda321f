// The update gate's cost per update on a ~100 KB and a ~10 MB document (issue 7: "the same per update").
// In-process, against the server's own gate: a typist's single-character updates are gated (timed) and
// then applied, on a document made of the B4 replay (many structs) plus, for the large one, bulk text in
// more sections. The gate resolves by binary search, so the two should cost about the same.
import { readFileSync } from 'node:fs'
import { createSection, rankBetween } from '@novex/shared'
import * as Y from 'yjs'
import { createUpdateGate, type GateInput } from '../../server/src/policy/updateGate.ts'
import { largeDocument } from './b4Document.ts'
import { typingTarget } from './load/benchDocument.ts'

export interface GateCost {
  readonly documentBytes: number
  readonly usPerUpdate: number
}

const UPDATES = 2_000

/** The two documents' sizes as the report names them (run.ts, targets.ts). */
export const GATE_DOCUMENTS = { small: '~100 KB', large: '~10 MB' } as const

function buildDocument(b4Operations: number, bulkBytes: number): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, new Uint8Array(readFileSync(largeDocument(b4Operations).file)))
  const paragraph = 'Ontwikkelperspectief tekst. '.repeat(36)
  let rank = rankBetween(null, null)
  for (let left = Math.ceil(bulkBytes / paragraph.length); left > 0; left -= 100) {
    rank = rankBetween(rank, null)
    createSection(doc, {
      title: 'Bulk',
      rank,
      paragraphs: Array.from({ length: Math.min(100, left) }, () => paragraph),
    })
  }
  return doc
}

function measure(server: Y.Doc): GateCost {
  const gate = createUpdateGate()
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const text = typingTarget(client)
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  // The gate reads only these fields of the connection.
  const peer = {
    canEdit: true,
    writerIds: new Set([client.clientID]),
    user: { id: 'bench' },
  } as unknown as GateInput['peer']
  const gatedUs: number[] = []
  for (let i = 0; i < UPDATES; i++) {
    text.insert(Math.floor(Math.random() * text.length), 'x')
    const update = updates.pop()
    if (!update) throw new Error('no update')
    const started = performance.now()
    const verdict = gate({
      peer,
      doc: server,
      update,
      liveWriter: () => null,
      owner: () => 'bench',
      lockedSections: new Set(),
    })
    gatedUs.push((performance.now() - started) * 1000)
    if (!verdict.accept) throw new Error(`gate refused a plain edit: ${verdict.reason}`)
    Y.applyUpdate(server, update)
  }
  // The median: a mean over 2,000 updates of ~20 µs is dominated by the few that a GC pause hit (53 µs
  // mean on the small document in one run, 18 µs on the large one in the same run).
  gatedUs.sort((a, b) => a - b)
  return {
    documentBytes: Y.encodeStateAsUpdate(server).byteLength,
    usPerUpdate: gatedUs[Math.floor(gatedUs.length / 2)] ?? 0,
  }
}

export function gateCosts(): { small: GateCost; large: GateCost } {
  // Warm the JIT on the small document first, so that neither measurement pays for it.
  measure(buildDocument(40_000, 0))
  const small = measure(buildDocument(40_000, 0))
  const large = measure(buildDocument(Number.MAX_SAFE_INTEGER, 10_000_000))
  return { small, large }
}
