// Developer tool (not part of `pnpm bench`): heap snapshots of our server with 1 and with N + 1 idle
// connections in one document (the first one loads the document), written to <dir>/*.heapsnapshot for
// diffing with heapDiff.ts.
// Usage: `tsx bench/servers/heapSnapshots.ts <dir> [N]`.

import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../../helpers/server.ts'
import { DEMO, login } from '../../helpers/session.ts'
import { FrameCounter } from '../load/frameCounter.ts'
import { LightViewer } from '../load/lightViewer.ts'

const HERE = fileURLToPath(new URL('.', import.meta.url))
const dir = process.argv[2] ?? '/tmp'
const count = Number(process.argv[3] ?? 1000)
const lifted = Object.fromEntries(
  ['CONNECTIONS_PER_IP', 'CONNECTIONS_PER_USER'].map((name) => [`NOVEX_LIMIT_${name}`, '1000000']),
)
const server = await startServer({
  env: { NODE_OPTIONS: `--import tsx --heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${dir}`, ...lifted },
})
const snapshotsIn = (): number => readdirSync(dir).filter((f) => f.endsWith('.heapsnapshot')).length
const snapshot = async (): Promise<void> => {
  const before = snapshotsIn()
  server.process.kill('SIGUSR2')
  while (snapshotsIn() === before) await new Promise((r) => setTimeout(r, 200))
  await new Promise((r) => setTimeout(r, 3000))
}
try {
  execFileSync(process.execPath, ['--import', 'tsx', join(HERE, 'seedDocuments.ts'), server.dataDir], {
    cwd: join(HERE, '../..'),
    input: JSON.stringify(['heap-doc']),
  })
  const cookie = await login(server, DEMO.rijkAuteur)
  const endpoint = { dialect: 'y-websocket', urlTemplate: `${server.wsUrl}/{doc}`, headers: { cookie } } as const
  const counter = new FrameCounter()
  // One connection first, so that the document (the room) is in both snapshots.
  const first = new LightViewer(endpoint, 'heap-doc', counter)
  await first.synced
  await snapshot()
  const viewers: LightViewer[] = []
  for (let i = 0; i < count; i++) viewers.push(new LightViewer(endpoint, 'heap-doc', counter))
  await Promise.all(viewers.map((v) => v.synced))
  await new Promise((r) => setTimeout(r, 1000))
  await snapshot()
  await Promise.all([...viewers, first].map((v) => v.close()))
} finally {
  await server.stop()
  server.cleanup()
}
