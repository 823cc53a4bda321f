// A section both parties signed cannot be changed by anyone: raw clients with edit rights try every
// kind of change to it. Each is refused as a whole, and the server's document, its SQLite log, the
// other clients and the section's hash stay exactly as signed. Moving the section is still allowed.
import {
  DOC_KEYS,
  getSection,
  MessageType,
  orderedSections,
  type SectionId,
  sectionHash,
  sectionsMap,
  signoffMirror,
} from '@novex/shared'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { DE_PEEL } from '../helpers/documents.ts'
import { readFrame, syncUpdate } from '../helpers/frames.ts'
import { openRaw, type RawSocket } from '../helpers/rawSocket.ts'
import { type RunningServer, startServer } from '../helpers/server.ts'
import { DEMO, login } from '../helpers/session.ts'
import { getJson, sign } from '../helpers/signoff.ts'
import { readCommitted } from '../helpers/storage.ts'
import { waitFor } from '../helpers/waitFor.ts'

let server: RunningServer
let witness: TestClient
let raw: RawSocket
let locked: SectionId
let unlocked: SectionId
let signedHash: string
let authorCookie: string

beforeAll(async () => {
  server = await startServer()
  authorCookie = await login(server, DEMO.rijkAuteur)
  witness = connectClient(server, DE_PEEL, { cookie: authorCookie })
  await witness.synced()
  const sections = orderedSections(witness.doc)
  locked = (sections[0] as { id: SectionId }).id
  unlocked = (sections[1] as { id: SectionId }).id
  const rijk = await login(server, DEMO.rijkOndertekenaar)
  const provincie = await login(server, DEMO.provincieOndertekenaar)
  expect((await sign(server, rijk, DE_PEEL, locked)).status).toBe(200)
  const second = await sign<{ locked: boolean; state: { locked: { hash: string } } }>(
    server,
    provincie,
    DE_PEEL,
    locked,
  )
  expect(second.body.locked).toBe(true)
  signedHash = second.body.state.locked.hash
  await waitFor(() => signoffMirror(witness.doc).get(locked)?.locked, { message: 'lock in the mirror' })
  const outcome = await openRaw(`${server.wsUrl}/${DE_PEEL}?app=1`, {
    cookie: await login(server, DEMO.provincieAuteur),
  })
  if (outcome.kind !== 'open') throw new Error('could not connect')
  raw = outcome.socket
})

afterAll(async () => {
  raw.close()
  witness.destroy()
  await server.stop()
  server.cleanup()
})

/** A fresh replica of the server's document (new client id), changed by `change`: the update it makes. */
function forge(change: (doc: Y.Doc) => void): Uint8Array {
  const forged = new Y.Doc()
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(witness.doc))
  const updates: Uint8Array[] = []
  forged.on('update', (u: Uint8Array) => updates.push(u))
  forged.transact(() => change(forged))
  forged.destroy()
  return Y.mergeUpdates(updates)
}

function section(doc: Y.Doc, id: SectionId) {
  const view = getSection(doc, id)
  if (!view) throw new Error(`no section ${id}`)
  return view
}

function firstText(doc: Y.Doc, id: SectionId): Y.XmlText {
  const paragraph = section(doc, id).content.get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

async function refusalFor(update: Uint8Array): Promise<string | undefined> {
  const before = raw.frames.length
  raw.send(syncUpdate(update))
  await waitFor(() => raw.frames.slice(before).some((f) => readFrame(f).type === MessageType.refused), {
    message: 'a refusal',
  })
  return raw.frames
    .slice(before)
    .map(readFrame)
    .find((f) => f.type === MessageType.refused)?.strings?.[0]
}

async function expectUnchanged(rowsBefore: number, textBefore: string): Promise<void> {
  // Give a wrongly accepted update time to reach the witness and the disk before looking.
  await witness.saved()
  expect(sectionHash(section(witness.doc, locked))).toBe(signedHash)
  const committed = readCommitted(server.dataDir, DE_PEEL)
  expect(committed.rows).toBe(rowsBefore)
  expect(sectionHash(section(committed.doc, locked))).toBe(signedHash)
  expect(section(witness.doc, unlocked).content.toString()).toBe(textBefore)
  const overview = await getJson<{ sections: { sectionId: string; hash: string; verified: boolean }[] }>(
    server,
    authorCookie,
    `/api/documents/${DE_PEEL}/signoffs`,
  )
  const row = overview.body.sections.find((s) => s.sectionId === locked)
  expect(row?.hash).toBe(signedHash)
  expect(row?.verified).toBe(true)
}

const attempts: [string, (doc: Y.Doc) => void][] = [
  ['inserting text', (doc) => firstText(doc, locked).insert(0, 'Ingevoegd ')],
  ['deleting text', (doc) => firstText(doc, locked).delete(0, 4)],
  ['adding a mark', (doc) => firstText(doc, locked).format(0, 5, { bold: {} })],
  [
    'setting a node attribute',
    (doc) => (section(doc, locked).content.get(0) as Y.XmlElement).setAttribute('textAlign', 'center'),
  ],
  [
    'inserting a child node',
    (doc) => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('Nieuwe alinea')])
      section(doc, locked).content.insert(0, [p])
    },
  ],
  ['removing a child node', (doc) => section(doc, locked).content.delete(0, 1)],
  ['editing the title', (doc) => section(doc, locked).title.insert(0, 'Nieuw: ')],
  ['changing the component', (doc) => section(doc, locked).map.set('component', 'hoofdopgave')],
  ['deleting the section', (doc) => sectionsMap(doc).delete(locked)],
]

describe('a locked section', () => {
  it.each(attempts)('refuses %s, and nothing changes anywhere', async (_kind, change) => {
    const rows = readCommitted(server.dataDir, DE_PEEL).rows
    const text = section(witness.doc, unlocked).content.toString()
    expect(await refusalFor(forge(change))).toBe('locked')
    await expectUnchanged(rows, text)
  })

  it('refuses an update that touches a locked and an unlocked section, as a whole', async () => {
    const rows = readCommitted(server.dataDir, DE_PEEL).rows
    const text = section(witness.doc, unlocked).content.toString()
    const mixed = forge((doc) => {
      firstText(doc, unlocked).insert(0, 'Mag wel. ')
      firstText(doc, locked).insert(0, 'Mag niet. ')
    })
    expect(await refusalFor(mixed)).toBe('locked')
    await expectUnchanged(rows, text)
    expect(section(witness.doc, unlocked).content.toString()).not.toContain('Mag wel.')
  })

  it('refuses writes to the server-owned sign-off mirror', async () => {
    const rows = readCommitted(server.dataDir, DE_PEEL).rows
    const text = section(witness.doc, unlocked).content.toString()
    expect(await refusalFor(forge((doc) => signoffMirror(doc).delete(locked)))).toBe('server-owned')
    expect(
      await refusalFor(forge((doc) => doc.getMap(DOC_KEYS.signoffs).set(unlocked, { locked: { hash: 'x', at: 0 } }))),
    ).toBe('server-owned')
    await expectUnchanged(rows, text)
    expect(signoffMirror(witness.doc).get(locked)?.locked?.hash).toBe(signedHash)
  })

  it('keeps what a refused change tried to add, for its author', async () => {
    await refusalFor(forge((doc) => firstText(doc, locked).insert(0, 'Mijn verloren zin. ')))
    const mine = await getJson<{ sections: { sectionId: string; text: string }[] }[]>(
      server,
      await login(server, DEMO.provincieAuteur),
      `/api/documents/${DE_PEEL}/refused-changes`,
    )
    expect(
      mine.body.some((c) => c.sections.some((s) => s.sectionId === locked && s.text.includes('Mijn verloren zin.'))),
    ).toBe(true)
    const others = await getJson<unknown[]>(server, authorCookie, `/api/documents/${DE_PEEL}/refused-changes`)
    expect(others.body).toEqual([])
  })

  it('still lets the section move (rank), which leaves its text as signed', async () => {
    const before = raw.frames.length
    const newRank = `${section(witness.doc, locked).rank}x`
    raw.send(syncUpdate(forge((doc) => section(doc, locked).map.set('rank', newRank))))
    await waitFor(() => section(witness.doc, locked).rank === newRank, { message: 'the move to arrive' })
    expect(
      raw.frames
        .slice(before)
        .map(readFrame)
        .some((f) => f.type === MessageType.refused),
    ).toBe(false)
    expect(sectionHash(section(witness.doc, locked))).toBe(signedHash)
  })
})
