// Measures a cold start of the real server (spawn → listening, and its RSS) and the load of the
// largest demo document (first join → synced, and RSS after). Run: `pnpm --filter @novex/test startup`.
import { readFileSync } from 'node:fs'
import { connectClient } from '../helpers/client.ts'
import { outline } from '../helpers/documents.ts'
import { startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'

function rssMiB(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN')
  return Math.round((kib / 1024) * 10) / 10
}

const rounds = Number(process.argv[2] ?? 5)
const rows: { startMs: number; startRss: number; loadMs: number; loadRss: number; sections: number }[] = []
for (let i = 0; i < rounds; i++) {
  const t0 = performance.now()
  // A fresh data dir each round: the first start also seeds the demo.
  const server = await startServer()
  const startMs = performance.now() - t0
  const startRss = rssMiB(server.process.pid)
  const cookie = await login(server, DEMO.rijkAuteur)
  const t1 = performance.now()
  const client = connectClient(server, 'ontwikkelperspectief-de-peel', { cookie })
  await client.synced()
  const loadMs = performance.now() - t1
  const loadRss = rssMiB(server.process.pid)
  rows.push({ startMs, startRss, loadMs, loadRss, sections: outline(client.doc).length })
  client.destroy()
  await server.stop()
  server.cleanup()
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const summary = {
  rounds,
  coldStartMs: Math.round(median(rows.map((r) => r.startMs))),
  coldStartRssMiB: median(rows.map((r) => r.startRss)),
  largestDemoLoadMs: Math.round(median(rows.map((r) => r.loadMs))),
  rssAfterLoadMiB: median(rows.map((r) => r.loadRss)),
}
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
