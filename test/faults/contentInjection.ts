// Script through content and forged state. Raw Yjs updates, bypassing the editor's parser, inject
// `javascript:` and `data:` links, on* attributes, unknown nodes and an oversized attribute; the server
// must survive and keep serving, and we record what it stores (the browser-side rendering is the
// client's job, see the README). Forged presence, client-id reuse and server-owned writes are covered
// by test/integration (gate, clientIds, presence, readOnly), which the full size runs from here. New
// here: a GC struct laid over another user's client id, which would make the server drop that
// user's next edits as "already known".
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MessageType, orderedSections } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { barrier, readFrame, syncUpdate } from '../helpers/frames.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { DE_PEEL, healthy, openAttacker, startFaultServer } from './harness.ts'
import { check, type Report } from './report.ts'
import type { Sizes } from './sizes.ts'
import { Typist, tally, textOf } from './typist.ts'

const SUITE = 'content and forgery'
const REPO = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..')

const INJECTIONS: readonly { name: string; build: (content: Y.XmlFragment) => void }[] = [
  {
    name: 'javascript: link',
    build: (content) => linkParagraph(content, 'javascript:alert(document.cookie)'),
  },
  { name: 'data: link', build: (content) => linkParagraph(content, 'data:text/html,<script>alert(1)</script>') },
  {
    name: 'on* attribute on a paragraph',
    build: (content) => {
      const p = new Y.XmlElement('paragraph')
      p.setAttribute('onclick', 'alert(1)')
      p.insert(0, [new Y.XmlText('klik mij')])
      content.insert(content.length, [p])
    },
  },
  {
    name: 'unknown node (script)',
    build: (content) => {
      const script = new Y.XmlElement('script')
      script.insert(0, [new Y.XmlText('alert(1)')])
      content.insert(content.length, [script])
    },
  },
  {
    name: 'oversized attribute (256 KiB)',
    build: (content) => {
      const p = new Y.XmlElement('paragraph')
      p.setAttribute('textAlign', 'x'.repeat(256 * 1024))
      content.insert(content.length, [p])
    },
  },
]

function linkParagraph(content: Y.XmlFragment, href: string): void {
  const p = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  p.insert(0, [text])
  content.insert(content.length, [p])
  text.insert(0, 'lees meer', { link: { href } })
}

export async function contentInjectionSuite(report: Report, sizes: Sizes): Promise<void> {
  const server = await startFaultServer()
  try {
    const cookie = await login(server, DEMO.provincieAuteur)
    for (const injection of INJECTIONS) {
      await report.run(SUITE, `injected ${injection.name}`, async () => {
        const socket = await openAttacker(server, DE_PEEL, cookie, '127.0.0.1')
        try {
          const replica = new Y.Doc()
          Y.applyUpdate(replica, Y.encodeStateAsUpdate(readCommitted(server.dataDir, DE_PEEL).doc))
          const updates: Uint8Array[] = []
          replica.on('update', (u: Uint8Array) => updates.push(u))
          const section = orderedSections(replica)[5]
          if (!section) throw new Error('no section')
          replica.transact(() => injection.build(section.content))
          const before = socket.frames.length
          socket.send(syncUpdate(Y.mergeUpdates(updates)))
          socket.send(barrier(1))
          await waitFor(() => answered(socket.frames.slice(before)) || socket.ws.readyState !== socket.ws.OPEN, {
            message: 'a persisted or refused answer',
          })
          const refused = socket.frames.slice(before).find((f) => f[0] === MessageType.refused)
          check(await healthy(server), 'server not healthy')
          return { detail: refused ? 'refused by the gate' : 'stored as data; rendering is the client’s job' }
        } finally {
          socket.close()
        }
      })
    }

    await report.run(SUITE, "GC struct over another user's client id", async () => {
      const victim = new Typist({
        name: 'slachtoffer',
        cookie: await login(server, DEMO.rijkAuteur),
        documentId: DE_PEEL,
        section: 0,
        server,
      })
      try {
        await victim.client.synced()
        victim.typeOne()
        await victim.settle()
        const client = victim.doc.clientID
        const clock = Y.getState(victim.doc.store, client)
        const socket = await openAttacker(server, DE_PEEL, cookie, '127.0.0.1')
        const before = socket.frames.length
        socket.send(syncUpdate(gcStruct(client, clock, 50)))
        socket.send(barrier(1))
        await waitFor(() => answered(socket.frames.slice(before)) || socket.ws.readyState !== socket.ws.OPEN, {
          message: 'a persisted or refused answer',
        })
        const refusal = socket.frames.slice(before).find((f) => f[0] === MessageType.refused)
        socket.close()
        for (let i = 0; i < 5; i++) victim.typeOne()
        await victim.settle()
        const counts = tally(textOf(readCommitted(server.dataDir, DE_PEEL).doc), [victim])
        check(counts.present === counts.acked, `${counts.acked - counts.present} acknowledged edits of the victim lost`)
        check(refusal !== undefined, 'the GC struct was not refused')
        return { ...counts, detail: `refused (${readFrame(refusal).strings?.[0]}); the victim’s edits are stored` }
      } finally {
        victim.destroy()
      }
    })

    await report.run(SUITE, 'existing enforcement tests (gate, client ids, presence, read-only)', async () => {
      if (sizes.name === 'quick') return { detail: 'run by `pnpm test` in CI; not repeated here' }
      const files = ['gate', 'clientIds', 'presence', 'readOnly', 'liveRights'].map(
        (f) => `test/integration/${f}.test.ts`,
      )
      const run = spawnSync('pnpm', ['exec', 'vitest', 'run', '--project', 'integration', ...files], {
        cwd: REPO,
        encoding: 'utf8',
      })
      check(run.status === 0, `vitest exited with ${run.status}: ${run.stdout.slice(-400)}`)
      return { detail: `${files.length} files passed` }
    })
  } finally {
    await server.stop()
    server.cleanup()
  }
}

const answered = (frames: readonly Uint8Array[]): boolean =>
  frames.some((f) => f[0] === MessageType.persisted || f[0] === MessageType.refused)

/** A V1 update with one GC struct of `length` for `client` starting at `clock`. */
function gcStruct(client: number, clock: number, length: number): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, clock)
  encoding.writeUint8(e, 0)
  encoding.writeVarUint(e, length)
  encoding.writeVarUint(e, 0)
  return encoding.toUint8Array(e)
}
