// Rate limits: honest fast typing (15 keystrokes a second, a presence update on every key, three
// people in one document) is never limited; a script flooding updates, presence, connections or one
// document is closed with 4029 or refused with 429.
import { CloseCode, MessageType, orderedSections } from '@novex/shared'
import * as Y from 'yjs'
import { awarenessFor, syncUpdate } from '../helpers/frames.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { closeCode, DE_PEEL, metrics, openAttacker, sleep, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { Typist, tally, textOf } from './typist.ts'

const SUITE = 'rate limits'
const KEYS_PER_SECOND = 15
const UPDATES_PER_DOCUMENT = 1_000

export async function rateLimitSuite(report: Report, sizes: Sizes): Promise<void> {
  const server = await startFaultServer({
    env: { TRUST_PROXY: '1', NOVEX_LIMIT_UPDATES_PER_DOCUMENT: String(UPDATES_PER_DOCUMENT) },
  })
  // When the honest typists' last update went in: the flood below needs a fresh document window.
  let honestEnded = Date.now()
  // When the document flood ended: the one-user flood needs fresh windows too (see there).
  let documentFloodEnded = Date.now()
  try {
    await report.run(SUITE, `honest typing: 3 people × ${KEYS_PER_SECOND} keys/s with presence`, async () => {
      const people = [DEMO.rijkAuteur, DEMO.provincieAuteur, DEMO.rijkOndertekenaar]
      const typists: Typist[] = []
      for (const [i, email] of people.entries()) {
        typists.push(
          new Typist({ name: `mens${i}`, cookie: await login(server, email), documentId: DE_PEEL, section: i, server }),
        )
      }
      const closes: number[] = []
      const presence: NodeJS.Timeout[] = []
      try {
        await Promise.all(typists.map((t) => t.client.synced()))
        for (const t of typists) {
          t.client.provider.on('connection-close', (event) => {
            if (event) closes.push(event.code)
          })
          t.start(1_000 / KEYS_PER_SECOND)
          let key = 0
          // A caret move on every keystroke, as the editor sends it.
          presence.push(
            setInterval(() => t.client.provider.awareness.setLocalStateField('cursor', { key: key++ }), 1_000 / 15),
          )
        }
        await sleep(sizes.honestTypingSeconds * 1_000)
        for (const t of typists) t.stop()
        for (const timer of presence) clearInterval(timer)
        await Promise.all(typists.map((t) => t.settle()))
        honestEnded = Date.now()
        const limited = (await metrics(server)).rate_limited_total ?? -1
        check(limited === 0, `${limited} honest messages rate limited`)
        check(closes.length === 0, `connections closed: ${closes.join(',')}`)
        const counts = tally(textOf(readCommitted(server.dataDir, DE_PEEL).doc), typists)
        check(counts.duplicated === 0, 'markers stored twice')
        return { acked: counts.acked, present: counts.present, detail: `${counts.acked} keystrokes, none limited` }
      } finally {
        for (const timer of presence) clearInterval(timer)
        for (const t of typists) t.destroy()
      }
    })

    await report.run(SUITE, `one document flooded by several users (limit ${UPDATES_PER_DOCUMENT}/10 s)`, async () => {
      // Each user stays under the per-user limit; together they pass the document's. The limiter counts
      // in fixed 10-second windows per document, the first starting at the honest typists' first update:
      // a flood that straddled two windows could stay under the limit in both (it did under heavy load).
      // So it starts once every window of the honest typing has ended, and fits in one fresh window.
      await sleep(Math.max(0, honestEnded + 10_500 - Date.now()))
      const results = await Promise.all(
        [DEMO.rijkAuteur, DEMO.provincieAuteur, DEMO.rijkOndertekenaar].map((email, i) =>
          floodUpdates(server, email, `10.40.0.${i}`, 450),
        ),
      )
      documentFloodEnded = Date.now()
      check(
        results.some((r) => r.code === CloseCode.rateLimited),
        `closes ${results.map((r) => r.code).join(',')}`,
      )
      await waitFor(() => limitsHit(server).includes('upd-doc'), {
        timeout: 5_000,
        message: 'the rate limit log line',
      }).catch(() => undefined)
      check(limitsHit(server).includes('upd-doc'), `limits hit: ${limitsHit(server).join(',')}`)
      return { detail: `closes ${results.map((r) => `${r.code ?? 'open'}`).join(', ')}` }
    })
    await report.run(SUITE, 'update flood by one user', async () => {
      // In fresh windows (the document flood used the document's and this user's), so that what closes
      // the flood is the per-user limit, not the document's.
      await sleep(Math.max(0, documentFloodEnded + 10_500 - Date.now()))
      const before = limitsHit(server).length
      const sent = await floodUpdates(server, DEMO.provincieAuteur, '10.20.0.1', 3_000)
      check(sent.code === CloseCode.rateLimited, `closed with ${sent.code} after ${sent.count} updates`)
      // The close reaches the socket before the server's log line reaches this process (a busy machine
      // once let the check run in between): wait for the line.
      await waitFor(() => limitsHit(server).length > before, {
        timeout: 5_000,
        message: 'the rate limit log line',
      }).catch(() => undefined)
      const hit = limitsHit(server).slice(before)
      check(hit.length === 1 && hit[0] === 'upd-user', `limits hit: ${hit.join(',')}`)
      return { detail: `closed 4029 by the per-user limit after ${sent.count} updates` }
    })

    await report.run(SUITE, 'presence flood', async () => {
      const socket = await openAttacker(server, DE_PEEL, await login(server, DEMO.provincieOndertekenaar), '10.20.0.2')
      let count = 0
      while (socket.ws.readyState === socket.ws.OPEN && count < 3_000) {
        socket.send(awarenessFor(424242, ++count, { cursor: count }))
        if (count % 100 === 0) await sleep(1)
      }
      const code = await closeCode(socket, 5_000)
      check(code === CloseCode.rateLimited, `closed with ${code} after ${count} presence updates`)
      return { detail: `closed 4029 after ${count} presence updates` }
    })

    await report.run(SUITE, 'connection flood by one user from many addresses', async () => {
      const cookie = await login(server, DEMO.meelezer)
      const statuses = new Map<string, number>()
      for (let i = 0; i < 160; i++) {
        const outcome = await openAttacker(server, DE_PEEL, cookie, `10.30.0.${i}`).then(
          (socket) => {
            socket.close()
            return 'open'
          },
          (error: unknown) => (error instanceof Error && error.message.includes('429') ? '429' : 'other'),
        )
        statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1)
      }
      check((statuses.get('429') ?? 0) > 0 && (statuses.get('other') ?? 0) === 0, JSON.stringify([...statuses]))
      return { detail: [...statuses].map(([s, n]) => `${n}×${s}`).join(', ') }
    })
  } finally {
    await server.stop()
    server.cleanup()
  }
}

/** The limits that closed a connection so far, in order, from the server's log ("rate limit: closing"). */
function limitsHit(server: RunningServer): string[] {
  const hit: string[] = []
  for (const line of server.logs) {
    if (!line.includes('rate limit: closing')) continue
    const entry: unknown = JSON.parse(line)
    if (typeof entry === 'object' && entry !== null && 'limit' in entry && typeof entry.limit === 'string')
      hit.push(entry.limit)
  }
  return hit
}

/** Sends up to `max` valid one-character updates as fast as possible; returns the close code. */
async function floodUpdates(
  server: RunningServer,
  email: string,
  ip: string,
  max: number,
): Promise<{ code: number | null; count: number }> {
  const socket = await openAttacker(server, DE_PEEL, await login(server, email), ip)
  // Build on the server's own state, so each update is one the gate accepts.
  await waitFor(() => socket.frames.find((f) => f[0] === MessageType.sync && f[1] === 0), { message: 'step 1' })
  const replica = new Y.Doc()
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(readCommitted(server.dataDir, DE_PEEL).doc))
  const updates: Uint8Array[] = []
  replica.on('update', (u: Uint8Array) => updates.push(u))
  const title = orderedSections(replica)[0]?.title
  if (!title) throw new Error('no section')
  let count = 0
  while (socket.ws.readyState === socket.ws.OPEN && count < max) {
    title.insert(title.length, 'z')
    const update = updates.shift()
    if (update) socket.send(syncUpdate(update))
    count++
    if (count % 100 === 0) await sleep(1)
  }
  const code = await closeCode(socket, max >= 1_000 ? 5_000 : 2_000)
  if (code === null) socket.close()
  return { code, count }
}
