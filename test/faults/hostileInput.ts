// Hostile input against one server: malformed and hostile frames, random and truncated frames,
// oversized messages, many tiny fragments, header floods, upgrade floods before authentication, and a
// reader that never reads. Each offender must be closed with a clear code, the process must survive,
// a bystander typing in another document must keep getting acknowledgements, the attacked document's
// stored state must not change, and no frame may keep the event loop busy past the watchdog budget.
import { request } from 'node:http'
import { connect } from 'node:net'
import { CloseCode } from '@novex/shared'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import {
  closeCode,
  DE_PEEL,
  healthy,
  metrics,
  NOORD_BRABANT,
  openAttacker,
  sleep,
  startFaultServer,
  storedStateVector,
} from './harness.ts'
import { HOSTILE_FRAMES, randomFrames, truncations } from './hostileFrames.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { Typist, tally, textOf } from './typist.ts'

const SUITE = 'hostile input'
const MAX_FRAME_BYTES = 1024 * 1024
const MAX_BUFFERED_BYTES = 1024 * 1024
/** The watchdog budget for a malformed frame: the CPU its inspection may cost before it is refused. */
const REFUSED_FRAME_BUDGET_MS = 20

export async function hostileInputSuite(report: Report, sizes: Sizes): Promise<void> {
  const server = await startFaultServer({
    env: {
      TRUST_PROXY: '1',
      NOVEX_MAX_FRAME_BYTES: String(MAX_FRAME_BYTES),
      NOVEX_MAX_BUFFERED_BYTES: String(MAX_BUFFERED_BYTES),
      NOVEX_LIMIT_CONNECTIONS_PER_IP: '50',
      NOVEX_LIMIT_CONNECTIONS_PER_USER: '100000',
    },
  })
  const attackerCookie = await login(server, DEMO.provincieAuteur)
  const bystander = new Typist({
    name: 'omstander',
    cookie: await login(server, DEMO.provincieOndertekenaar),
    documentId: NOORD_BRABANT,
    section: 0,
    server,
  })
  let nextIp = 1
  const freshIp = (): string => `10.9.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`
  try {
    await bystander.client.synced()
    bystander.start(100)
    const before = storedStateVector(server, DE_PEEL)

    for (const { name, frame } of HOSTILE_FRAMES) {
      await report.run(SUITE, name, async () => {
        const socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
        const sent = Date.now()
        socket.send(frame)
        const code = await closeCode(socket, 5_000)
        check(code === CloseCode.malformed, `closed with ${code}, expected ${CloseCode.malformed}`)
        return { detail: `closed ${code} after ${Date.now() - sent} ms` }
      })
    }

    // One set of cuts: each call builds a fresh sample with a random client id, whose varint length varies.
    const cuts = truncations()
    await report.run(SUITE, `truncated update frames (${cuts.length})`, async () => {
      let closed = 0
      for (const frame of cuts) {
        const socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
        socket.send(frame)
        if ((await closeCode(socket, 5_000)) === CloseCode.malformed) closed++
      }
      check(closed === cuts.length, `${closed} of ${cuts.length} closed with 4001`)
      return { detail: `${closed} closed with 4001` }
    })

    await report.run(SUITE, `random and bit-flipped frames (${sizes.randomFrames})`, async () => {
      let socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
      let closed = 0
      for (const frame of randomFrames(sizes.randomFrames, 687)) {
        if (socket.ws.readyState !== socket.ws.OPEN) {
          const code = await closeCode(socket, 5_000)
          check(code === CloseCode.malformed, `random frame closed with ${code}`)
          closed++
          socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
        }
        socket.send(frame)
        // Let the server answer before the next frame, so each close is attributed to its frame.
        await sleep(2)
      }
      socket.close()
      return { detail: `${closed} connections closed with 4001, the rest were harmless or refused` }
    })

    await report.run(SUITE, 'attacked document unchanged in storage', async () => {
      check(storedStateVector(server, DE_PEEL) === before, 'the attacked document changed in storage')
      return { detail: 'state vector identical' }
    })

    await report.run(SUITE, 'frame above the size limit', async () => {
      const socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
      socket.send(new Uint8Array(MAX_FRAME_BYTES + 1))
      const code = await closeCode(socket, 5_000)
      // ws closes with the standard "message too big" before the frame is buffered whole.
      check(code === 1009 || code === CloseCode.tooLarge, `closed with ${code}`)
      return { detail: `closed ${code}` }
    })

    await report.run(SUITE, 'many tiny fragments', async () => {
      const socket = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
      const heapBefore = (await metrics(server)).heap_used_bytes ?? 0
      const one = new Uint8Array([0])
      let sent = 0
      while (socket.ws.readyState === socket.ws.OPEN && sent < 400_000) {
        for (let i = 0; i < 1_000; i++) socket.ws.send(one, { fin: false })
        sent += 1_000
        await sleep(1)
      }
      const code = await closeCode(socket, 10_000)
      const heapAfter = (await metrics(server)).heap_used_bytes ?? 0
      // ws itself caps the fragments of one message and closes with 1008 (policy violation).
      check(
        code === 1008 || code === 1009 || code === CloseCode.tooLarge,
        `closed with ${code} after ${sent} fragments`,
      )
      const grown = (heapAfter - heapBefore) / 1024 / 1024
      check(grown < 64, `heap grew ${grown.toFixed(1)} MiB`)
      return { detail: `closed ${code} after ${sent.toLocaleString('en-US')} fragments, heap +${grown.toFixed(1)} MiB` }
    })

    await report.run(SUITE, 'header flood at the upgrade', async () => {
      const statuses: number[] = []
      for (const headers of [bigHeader(), manyHeaders()]) statuses.push(await upgradeStatus(server, headers))
      check(
        statuses.every((s) => s === 431 || s === 400),
        `statuses ${statuses.join(', ')}`,
      )
      return { detail: `answered ${statuses.join(', ')}` }
    })

    await report.run(SUITE, 'slow headers (slowloris) do not starve others', async () => {
      const sockets = Array.from({ length: 200 }, () => {
        const s = connect(server.port, '127.0.0.1')
        s.on('error', () => undefined)
        s.write('GET /sync/x HTTP/1.1\r\nHost: x\r\n')
        return s
      })
      const started = Date.now()
      check(await healthy(server), 'server not healthy during the slow-header flood')
      const answeredIn = Date.now() - started
      for (const s of sockets) s.destroy()
      return { detail: `healthz answered in ${answeredIn} ms with 200 half-open requests` }
    })

    await report.run(SUITE, 'upgrade flood before authentication', async () => {
      const statuses = new Map<number, number>()
      for (let i = 0; i < 120; i++) {
        const status = await upgradeStatus(server, { 'x-forwarded-for': '10.66.6.6' })
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
      check((statuses.get(429) ?? 0) >= 60, `429 only ${statuses.get(429) ?? 0} times`)
      // Someone else, from another address, still gets in.
      const honest = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
      honest.close()
      return { detail: [...statuses].map(([s, n]) => `${n}×${s}`).join(', ') }
    })

    await report.run(SUITE, 'slow reader that never reads', async () => {
      const reader = await openAttacker(server, DE_PEEL, attackerCookie, freshIp())
      const readerSocket = (reader.ws as unknown as { _socket: { pause(): void } })._socket
      readerSocket.pause()
      const writer = new Typist({
        name: 'schrijver',
        cookie: await login(server, DEMO.rijkAuteur),
        documentId: DE_PEEL,
        section: 1,
        server,
      })
      try {
        await writer.client.synced()
        const peersBefore = (await metrics(server)).peers_open ?? 0
        // Large paragraphs, so the server's send buffer for the non-reader fills quickly.
        const big = 'x'.repeat(64 * 1024)
        await waitFor(
          async () => {
            writer.appendLarge(big)
            return server.logs.some((l) => l.includes('closing a peer that does not read'))
          },
          { timeout: 30_000, interval: 50, message: 'the non-reader to be closed' },
        )
        const peersAfter = await waitFor(
          async () => {
            const peers = (await metrics(server)).peers_open ?? 0
            return peers < peersBefore ? peers + 1 : 0
          },
          { timeout: 5_000, message: 'the non-reader to be dropped' },
        )
        return { detail: `dropped after its send buffer passed 1 MiB; peers ${peersBefore} → ${peersAfter - 1}` }
      } finally {
        writer.destroy()
        reader.ws.terminate()
      }
    })

    await report.run(SUITE, 'process, bystander and stored document after the attacks', async () => {
      check(await healthy(server), 'server not healthy')
      bystander.stop()
      await bystander.settle()
      const m = await metrics(server)
      // CPU per bad message: the inspection that refused it, measured by the server's watchdog.
      const refusedCost = m.slowest_refused_frame_ms ?? Number.POSITIVE_INFINITY
      check(refusedCost < REFUSED_FRAME_BUDGET_MS, `a malformed frame cost ${refusedCost.toFixed(1)} ms of CPU`)
      const stored = textOf(readCommitted(server.dataDir, NOORD_BRABANT).doc)
      const { acked, present, duplicated } = tally(stored, [bystander])
      check(duplicated === 0, `${duplicated} bystander markers duplicated`)
      return {
        acked,
        present,
        detail:
          `${m.malformed_frames_total} malformed frames, each refused within ${refusedCost.toFixed(2)} ms of CPU; ` +
          `slowest frame of all ${(m.slowest_frame_ms ?? 0).toFixed(1)} ms`,
      }
    })
  } finally {
    bystander.destroy()
    await server.stop()
    server.cleanup()
  }
}

function bigHeader(): Record<string, string> {
  return { 'x-vulling': 'a'.repeat(64 * 1024) }
}

function manyHeaders(): Record<string, string> {
  const headers: Record<string, string> = {}
  for (let i = 0; i < 5_000; i++) headers[`x-h${i}`] = 'waarde'
  return headers
}

/** Sends a WebSocket upgrade without a session and returns the HTTP status. */
function upgradeStatus(server: RunningServer, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: server.port,
      path: `/sync/${DE_PEEL}`,
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        ...headers,
      },
    })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('upgrade', (_res, socket) => {
      socket.destroy()
      resolve(101)
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      // Node answers an oversized header block with 431 and may reset before we read it.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(431)
      else reject(error)
    })
    req.end()
  })
}
