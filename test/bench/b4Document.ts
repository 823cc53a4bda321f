// The large document: the B4 editing trace (/work/shared/data, or BENCH_B4 to point elsewhere; see its
// README) replayed one patch per transaction into the paragraph of a benchmark section, as a typist
// produces it. Built once and cached as an encoded update in the temp dir, keyed by the number of
// operations replayed (the quick mode replays a prefix).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import { seedUpdate, typingTarget } from './load/benchDocument.ts'

const TRACE = process.env.BENCH_B4 ?? '/work/shared/data/automerge-paper.json.gz'

export interface Trace {
  readonly startContent: string
  readonly endContent: string
  readonly txns: readonly { readonly patches: readonly [number, number, string][] }[]
}

export interface LargeDocument {
  readonly file: string
  readonly operations: number
  readonly bytes: number
  readonly textLength: number
}

/** The B4 trace as published (see /work/shared/data/README.md). */
export function readB4Trace(): Trace {
  return JSON.parse(gunzipSync(readFileSync(TRACE)).toString('utf8')) as Trace
}

/** Replays the first `maxOperations` single-character operations (all of them when larger). */
export function largeDocument(maxOperations: number): LargeDocument {
  const file = join(tmpdir(), `novex-bench-b4-${maxOperations}.bin`)
  const meta = `${file}.json`
  if (existsSync(file) && existsSync(meta)) return JSON.parse(readFileSync(meta, 'utf8')) as LargeDocument
  const trace = readB4Trace()
  const doc = new Y.Doc()
  doc.clientID = 4_242_424
  Y.applyUpdate(doc, seedUpdate(trace.startContent))
  const text = typingTarget(doc)
  let operations = 0
  let complete = true
  outer: for (const txn of trace.txns) {
    for (const [position, deleteCount, insert] of txn.patches) {
      if (operations >= maxOperations) {
        complete = false
        break outer
      }
      doc.transact(() => {
        if (deleteCount > 0) text.delete(position, deleteCount)
        if (insert.length > 0) text.insert(position, insert)
      })
      operations += deleteCount + insert.length
    }
  }
  if (complete && text.toString() !== trace.endContent) throw new Error('the B4 replay does not end in endContent')
  const update = Y.encodeStateAsUpdate(doc)
  writeFileSync(file, update)
  const result: LargeDocument = { file, operations, bytes: update.byteLength, textLength: text.length }
  writeFileSync(meta, JSON.stringify(result))
  doc.destroy()
  return result
}
