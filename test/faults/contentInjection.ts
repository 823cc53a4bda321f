// Script through content and forged state. Raw Yjs updates, bypassing the editor's parser, inject
// `javascript:` and `data:` links, on* attributes, unknown nodes and oversized attributes: the server's
// content policy must refuse each (`refused` frame with reason `content`, nothing stored, the server
// keeps serving), while the same raw path still accepts a plain https link. Rendering and export
// neutralise such content as well (Tiptap's link rules in the browser, server/src/export/safeHref). Forged presence, client-id reuse and server-owned writes are covered by test/integration
// (gate, clientIds, presence, readOnly), which the full size runs from here. New here: a GC struct
// laid over another user's client id, which would make the server drop that user's next edits as
// "already known".
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { MessageType, orderedSections, RefusalReason } from '@novex/shared'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { barrier, readFrame, syncUpdate } from '../helpers/frames.ts'
import type { RunningServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { DE_PEEL, healthy, openAttacker, startFaultServer, storedStateVector } from './harness.ts'
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
  {
    name: 'oversized link title (256 KiB, an allowed attribute)',
    build: (content) => linkParagraph(content, 'https://example.nl', 'x'.repeat(256 * 1024)),
  },
  {
    name: 'javascript: link laid over stored text',
    build: (content) => {
      const text = content.get(0)
      const first = text instanceof Y.XmlElement ? text.get(0) : null
      if (!(first instanceof Y.XmlText)) throw new Error('the section has no text')
      first.format(0, Math.min(4, first.length), { link: { href: ' java\tscript:alert(1)' } })
    },
  },
]

function linkParagraph(content: Y.XmlFragment, href: string, title: string | null = null): void {
  const p = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  p.insert(0, [text])
  content.insert(content.length, [p])
  text.insert(0, 'lees meer', {
    link: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null, title },
  })
}

export async function contentInjectionSuite(report: Report, sizes: Sizes): Promise<void> {
  const server = await startFaultServer()
  try {
    const cookie = await login(server, DEMO.provincieAuteur)
    for (const injection of INJECTIONS) {
      await report.run(SUITE, `injected ${injection.name}`, async () => {
        const stored = storedStateVector(server, DE_PEEL)
        const answer = await sendRaw(server, cookie, injection.build)
        check(answer.refusal !== null, `not refused (${answer.closed ? 'connection closed' : 'persisted'})`)
        const { reason, detail } = readRefusal(answer.refusal)
        check(reason === RefusalReason.content, `refused as "${reason}", not as content: ${detail}`)
        check(storedStateVector(server, DE_PEEL) === stored, 'the stored document changed')
        check(await healthy(server), 'server not healthy')
        return { detail: `refused: ${detail}` }
      })
    }

    await report.run(SUITE, 'control: an https link over the same raw path is stored', async () => {
      const answer = await sendRaw(server, cookie, (content) =>
        linkParagraph(content, 'https://www.rijksoverheid.nl/novex'),
      )
      check(answer.refusal === null, `refused: ${readRefusal(answer.refusal).detail}`)
      check(answer.persisted, 'no persisted answer')
      const section = orderedSections(readCommitted(server.dataDir, DE_PEEL).doc)[5]
      check(
        section?.content.toString().includes('https://www.rijksoverheid.nl/novex') === true,
        'the link is not stored',
      )
      return { detail: 'stored: the policy refuses script, not links' }
    })

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

interface RawAnswer {
  readonly refusal: Uint8Array | null
  readonly persisted: boolean
  readonly closed: boolean
}

/** Builds a change in section 5 of a replica of the stored state and sends it as one raw update. */
async function sendRaw(
  server: RunningServer,
  cookie: string,
  build: (content: Y.XmlFragment) => void,
): Promise<RawAnswer> {
  const socket = await openAttacker(server, DE_PEEL, cookie, '127.0.0.1')
  try {
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(readCommitted(server.dataDir, DE_PEEL).doc))
    const updates: Uint8Array[] = []
    replica.on('update', (u: Uint8Array) => updates.push(u))
    const section = orderedSections(replica)[5]
    if (!section) throw new Error('no section')
    replica.transact(() => build(section.content))
    const before = socket.frames.length
    socket.send(syncUpdate(Y.mergeUpdates(updates)))
    socket.send(barrier(1))
    await waitFor(() => answered(socket.frames.slice(before)) || socket.ws.readyState !== socket.ws.OPEN, {
      message: 'a persisted or refused answer',
    })
    const frames = socket.frames.slice(before)
    return {
      refusal: frames.find((f) => f[0] === MessageType.refused) ?? null,
      persisted: frames.some((f) => f[0] === MessageType.persisted),
      closed: socket.ws.readyState !== socket.ws.OPEN,
    }
  } finally {
    socket.close()
  }
}

function readRefusal(frame: Uint8Array | null): { reason: string; detail: string } {
  if (frame === null) return { reason: '', detail: '' }
  const strings = readFrame(frame).strings ?? []
  return { reason: strings[0] ?? '', detail: strings[1] ?? '' }
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
