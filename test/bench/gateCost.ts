// The update gate's cost per update on a ~100 KB and a ~10 MB document (issue 7: "the same per update").
// In-process, against the server's own gate: a typist's single-character updates are gated (timed) and
// then applied, on a document made of the B4 replay (many structs) plus, for the large one, bulk text in
// more sections. The gate resolves by binary search, so the two should cost about the same.
import { readFileSync } from 'node:fs'
import { createSection, rankBetween } from '@novex/shared'
import * as Y from 'yjs'
import { createUpdateGate, type GateInput, type UpdateGate } from '../../server/src/policy/updateGate.ts'
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

/** One document under measurement: the server's copy, a typist's copy of it, and the gate's timings. */
interface GatedDocument {
  readonly server: Y.Doc
  /** The typist's connection as the gate sees it. */
  readonly peer: GateInput['peer']
  readonly typeOne: () => Uint8Array
  readonly gatedUs: number[]
}

function gatedDocument(server: Y.Doc): GatedDocument {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const text = typingTarget(client)
  const updates: Uint8Array[] = []
  client.on('update', (update: Uint8Array) => updates.push(update))
  return {
    server,
    // The gate reads only these fields of the connection.
    peer: {
      canEdit: true,
      writerIds: new Set([client.clientID]),
      user: { id: 'bench' },
    } as unknown as GateInput['peer'],
    gatedUs: [],
    typeOne: () => {
      text.insert(Math.floor(Math.random() * text.length), 'x')
      const update = updates.pop()
      if (!update) throw new Error('no update')
      return update
    },
  }
}

/** Gates (timed) and applies `count` single-character updates of a typist. */
function gateBlock(gate: UpdateGate, target: GatedDocument, count: number): void {
  for (let i = 0; i < count; i++) {
    const update = target.typeOne()
    const started = performance.now()
    const verdict = gate({
      documentId: 'bench',
      peer: target.peer,
      doc: target.server,
      update,
      liveWriter: () => null,
      owner: () => 'bench',
      lockedSections: new Set(),
      frozen: false,
    })
    target.gatedUs.push((performance.now() - started) * 1000)
    if (!verdict.accept) throw new Error(`gate refused a plain edit: ${verdict.reason}`)
    Y.applyUpdate(target.server, update)
  }
}

// The median: a mean over 2,000 updates of ~20 µs is dominated by the few that a GC pause hit (53 µs
// mean on the small document in one run, 18 µs on the large one in the same run).
function cost(target: GatedDocument): GateCost {
  const sorted = [...target.gatedUs].sort((a, b) => a - b)
  return {
    documentBytes: Y.encodeStateAsUpdate(target.server).byteLength,
    usPerUpdate: sorted[Math.floor(sorted.length / 2)] ?? 0,
  }
}

/**
 * The two documents are measured in alternating blocks (small, large, small, …), so that whatever the
 * machine does meanwhile falls on both alike. Measured one after the other, the ratio moved between
 * 0.70× and 1.44× over five full runs of the same code; alternated, 1.06–1.27× in eleven runs.
 */
const BLOCKS = 10

export function gateCosts(): { small: GateCost; large: GateCost } {
  const gate = createUpdateGate()
  // Warm the JIT on a document of its own first, so that neither measurement pays for it.
  gateBlock(gate, gatedDocument(buildDocument(40_000, 0)), UPDATES)
  const small = gatedDocument(buildDocument(40_000, 0))
  const large = gatedDocument(buildDocument(Number.MAX_SAFE_INTEGER, 10_000_000))
  for (let block = 0; block < BLOCKS; block++) {
    gateBlock(gate, small, UPDATES / BLOCKS)
    gateBlock(gate, large, UPDATES / BLOCKS)
  }
  return { small: cost(small), large: cost(large) }
}
