// Developer tool: what a later V8 heap snapshot holds that an earlier one (same process) did not. Nodes
// keep their ids across snapshots of one process, so the new nodes are those with unknown ids; they are
// grouped by kind and by what holds them (edge name and holder), largest group first.
// Usage: `tsx bench/servers/heapDiff.ts before.heapsnapshot after.heapsnapshot [per] [rows]`.
import { readFileSync } from 'node:fs'

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

const read = (file: string): Snapshot => JSON.parse(readFileSync(file, 'utf8')) as Snapshot

const [a, b, perArg, rowsArg] = process.argv.slice(2)
if (!a || !b) throw new Error('usage: heapDiff.ts before after [per] [rows]')
const per = Number(perArg ?? 1)
const before = read(a)
const idsBefore = new Set<number>()
{
  const f = before.snapshot.meta.node_fields
  const idAt = f.indexOf('id')
  for (let i = 0; i < before.nodes.length; i += f.length) idsBefore.add(before.nodes[i + idAt] as number)
}
const snap = read(b)
const nf = snap.snapshot.meta.node_fields
const ef = snap.snapshot.meta.edge_fields
const W = nf.length
const EW = ef.length
const [typeAt, nameAt, idAt, sizeAt, edgeCountAt] = ['type', 'name', 'id', 'self_size', 'edge_count'].map((n) =>
  nf.indexOf(n),
) as [number, number, number, number, number]
const [eTypeAt, eNameAt, eToAt] = ['type', 'name_or_index', 'to_node'].map((n) => ef.indexOf(n)) as [
  number,
  number,
  number,
]
const nodeTypes = snap.snapshot.meta.node_types[0]
const edgeTypes = snap.snapshot.meta.edge_types[0]
const nodeCount = snap.nodes.length / W
const label = (n: number): string => {
  const type = nodeTypes[snap.nodes[n * W + typeAt] as number] ?? '?'
  const name = snap.strings[snap.nodes[n * W + nameAt] as number] ?? '?'
  if (type === 'string' || type === 'concatenated string' || type === 'sliced string')
    return `"${name.slice(0, 40).replace(/\n/g, ' ')}"`
  if (type === 'number') return '(number)'
  return `${type}:${name.slice(0, 50)}`
}
// First non-weak retainer of every node.
const holder = new Int32Array(nodeCount).fill(-1)
const holderEdge: string[] = new Array(nodeCount)
let edge = 0
for (let n = 0; n < nodeCount; n++) {
  const count = snap.nodes[n * W + edgeCountAt] as number
  for (let e = 0; e < count; e++, edge += EW) {
    const to = (snap.edges[edge + eToAt] as number) / W
    const etype = edgeTypes[snap.edges[edge + eTypeAt] as number]
    if (etype === 'weak' || holder[to] !== -1) continue
    holder[to] = n
    const nameOrIndex = snap.edges[edge + eNameAt] as number
    holderEdge[to] = etype === 'element' || etype === 'hidden' ? `[${nameOrIndex}]` : (snap.strings[nameOrIndex] ?? '?')
  }
}
const groups = new Map<string, { size: number; count: number }>()
let total = 0
for (let n = 0; n < nodeCount; n++) {
  if (idsBefore.has(snap.nodes[n * W + idAt] as number)) continue
  const size = snap.nodes[n * W + sizeAt] as number
  total += size
  const h = holder[n] ?? -1
  const key = `${label(n)}  ← ${holderEdge[n] ?? ''} of ${h >= 0 ? label(h) : '(root)'}`
  const g = groups.get(key) ?? { size: 0, count: 0 }
  g.size += size
  g.count++
  groups.set(key, g)
}
process.stdout.write(`new: ${(total / per).toFixed(0)} B per unit\n`)
for (const [key, g] of [...groups.entries()].sort((x, y) => y[1].size - x[1].size).slice(0, Number(rowsArg ?? 80)))
  process.stdout.write(
    `${(g.size / per).toFixed(1).padStart(8)} B ${(g.count / per).toFixed(2).padStart(6)}×  ${key}\n`,
  )
