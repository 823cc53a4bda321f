// Crash durability: clients type continuously while the server is killed with SIGKILL at random
// moments (with compaction every few rows, so kills also land in and around compactions), and
// restarted on the same port and data directory. Afterwards every acknowledged marker must be stored
// exactly once, no marker twice, and every client must converge with the server. Then a SIGTERM:
// every client gets the restart code and reconnects.
import { CloseCode } from '@novex/shared'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { seededRandom } from '../helpers/seededRandom.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { DE_PEEL, metrics, NOORD_BRABANT, sleep, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { Typist, tally, textOf } from './typist.ts'

const SUITE = 'crash durability'
const COMPACT_AFTER = '15'
const EDITORS = [DEMO.rijkAuteur, DEMO.provincieAuteur, DEMO.rijkOndertekenaar, DEMO.provincieOndertekenaar]

export async function crashDurabilitySuite(report: Report, sizes: Sizes): Promise<void> {
  const env = { NOVEX_COMPACT_AFTER: COMPACT_AFTER }
  let server = await startFaultServer({ env })
  const { dataDir, port } = server
  const restart = async (): Promise<RunningServer> => startFaultServer({ dataDir, env: { ...env, PORT: String(port) } })
  const typists: Typist[] = []
  try {
    for (let i = 0; i < sizes.typists; i++) {
      const cookie = await login(server, EDITORS[i % EDITORS.length] ?? DEMO.rijkAuteur)
      const documentId = i % 2 === 0 ? DE_PEEL : NOORD_BRABANT
      typists.push(new Typist({ name: `t${i}`, cookie, documentId, section: i, server }))
    }
    await Promise.all(typists.map((t) => t.client.synced()))

    await report.run(SUITE, `kill -9 ×${sizes.crashRounds} while ${sizes.typists} clients type`, async () => {
      const random = seededRandom(9)
      for (const t of typists) t.start(40 + Math.floor(random() * 30))
      let compactions = 0
      for (let round = 0; round < sizes.crashRounds; round++) {
        await sleep(300 + Math.floor(random() * 900))
        compactions += (await metrics(server)).compactions_total ?? 0
        await server.kill()
        server = await restart()
      }
      await sleep(1_000)
      for (const t of typists) t.stop()
      await Promise.all(typists.map((t) => t.settle(45_000)))
      const outcome = await verify(server, typists)
      return { ...outcome, detail: `${outcome.detail}; ${compactions} compactions before the kills` }
    })

    await report.run(SUITE, 'SIGTERM: restart code, clients reconnect', async () => {
      // The first close of each client is the server's; later ones (1006) are reconnects to a port
      // that is not listening yet.
      const codes: number[] = []
      const reconnectedAfter: number[] = []
      for (const t of typists) {
        let closedAt = 0
        let reconnected = false
        t.client.provider.on('connection-close', (event) => {
          if (!event || closedAt > 0) return
          codes.push(event.code)
          closedAt = Date.now()
        })
        t.client.provider.on('status', ({ status }: { status: string }) => {
          if (status !== 'connected' || closedAt === 0 || reconnected) return
          reconnected = true
          reconnectedAfter.push(Date.now() - closedAt)
        })
        t.start(60)
      }
      await sleep(800)
      const exit = await server.stop()
      check(exit === 0, `server exited with ${exit}`)
      server = await restart()
      await waitFor(() => reconnectedAfter.length >= typists.length, {
        timeout: 20_000,
        message: 'every client to reconnect',
      })
      for (const t of typists) t.stop()
      await Promise.all(typists.map((t) => t.settle(30_000)))
      check(
        codes.length === typists.length && codes.every((c) => c === CloseCode.restart),
        `close codes ${codes.join(',')}`,
      )
      const outcome = await verify(server, typists)
      const spread = `${Math.min(...reconnectedAfter)}–${Math.max(...reconnectedAfter)} ms`
      return { ...outcome, detail: `${outcome.detail}; all closed with 4000, reconnected after ${spread}` }
    })
  } finally {
    for (const t of typists) t.destroy()
    await server.stop()
    server.cleanup()
  }
}

/** Every acknowledged marker stored once, nothing twice, and every client equal to the server. */
async function verify(
  server: RunningServer,
  typists: readonly Typist[],
): Promise<{ acked: number; present: number; detail: string }> {
  let acked = 0
  let present = 0
  for (const documentId of [DE_PEEL, NOORD_BRABANT]) {
    const writers = typists.filter((t) => t.client.provider.roomname === documentId)
    if (writers.length === 0) continue
    const stored = textOf(readCommitted(server.dataDir, documentId).doc)
    const counts = tally(stored, writers)
    check(counts.duplicated === 0, `${documentId}: ${counts.duplicated} markers stored twice`)
    acked += counts.acked
    present += counts.present
    const reader: TestClient = connectClient(server, documentId, { cookie: await login(server, DEMO.lezer) })
    try {
      await reader.synced()
      await waitFor(() => writers.every((t) => textOf(t.doc) === textOf(reader.doc)), {
        timeout: 20_000,
        message: `${documentId}: clients to converge with the server`,
      })
      check(textOf(reader.doc) === stored, `${documentId}: the server's state differs from what is stored`)
    } finally {
      reader.destroy()
    }
  }
  return { acked, present, detail: `${acked} acknowledged markers, ${present} stored exactly once` }
}
