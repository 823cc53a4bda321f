import {
  createSection,
  deleteSection,
  getSection,
  initialRanks,
  metaMap,
  moveSectionBy,
  type Rank,
  type SectionId,
} from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { resolveUpdate, type Touch } from './resolveUpdate.ts'

/** A server doc with three sections, and a client replica of it. */
function setup(): { server: Y.Doc; client: Y.Doc; ids: SectionId[] } {
  const server = new Y.Doc()
  const ranks = initialRanks(3)
  const ids = ranks.map((rank, i) =>
    createSection(server, { title: `Sectie ${i}`, rank: rank as Rank, paragraphs: [`Tekst ${i}`] }),
  )
  metaMap(server).set('status', 'concept')
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client, ids }
}

/** The update a change on the client produces. */
function capture(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const handler = (u: Uint8Array) => updates.push(u)
  doc.on('update', handler)
  change()
  doc.off('update', handler)
  return Y.mergeUpdates(updates)
}

function touches(server: Y.Doc, update: Uint8Array): Touch[] {
  const result = resolveUpdate(server, update)
  if (!result.ok) throw new Error(result.reason)
  return [...result.touches].sort((a, b) => `${a.sectionId}${a.field}`.localeCompare(`${b.sectionId}${b.field}`))
}

const section = (doc: Y.Doc, id: SectionId) => {
  const s = getSection(doc, id)
  if (!s) throw new Error('no section')
  return s
}

describe('resolveUpdate', () => {
  it('resolves a title edit to its section and field', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => section(client, ids[1]!).title.insert(0, 'Nieuw: '))
    expect(touches(server, update)).toEqual([{ root: 'sections', sectionId: ids[1], field: 'title' }])
  })

  it('resolves typing deep inside the content, including text that continues earlier new text', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => {
      const fragment = section(client, ids[2]!).content
      const p = new Y.XmlElement('paragraph')
      fragment.insert(1, [p])
      const text = new Y.XmlText()
      p.insert(0, [text])
      text.insert(0, 'a')
      text.insert(1, 'b')
      text.format(0, 2, { bold: true })
    })
    expect(touches(server, update)).toEqual([{ root: 'sections', sectionId: ids[2], field: 'content' }])
  })

  it('resolves deletions of existing text through the delete set', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => {
      const first = section(client, ids[0]!).content.get(0) as Y.XmlElement
      ;(first.get(0) as Y.XmlText).delete(0, 3)
    })
    expect(touches(server, update)).toEqual([{ root: 'sections', sectionId: ids[0], field: 'content' }])
  })

  it('resolves a move to the rank field only', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => moveSectionBy(client, ids[2]!, -1))
    expect(touches(server, update)).toEqual([{ root: 'sections', sectionId: ids[2], field: 'rank' }])
  })

  it('resolves deleting and creating sections to the section entries', () => {
    const { server, client, ids } = setup()
    let created = '' as SectionId
    const update = capture(client, () => {
      deleteSection(client, ids[0]!)
      created = createSection(client, { title: 'Vrij', rank: initialRanks(1)[0] as Rank, paragraphs: ['x'] })
    })
    const found = touches(server, update)
    expect(found).toContainEqual({ root: 'sections', sectionId: ids[0], field: null })
    expect(found).toContainEqual({ root: 'sections', sectionId: created, field: null })
    expect(new Set(found.filter((t) => t.sectionId === created).map((t) => t.field))).toEqual(
      new Set([null, 'title', 'rank', 'component', 'parent', 'content']),
    )
  })

  it('resolves an overwrite of a server-owned key, which carries no parent of its own', () => {
    const { server, client } = setup()
    const update = capture(client, () => metaMap(client).set('status', 'vastgesteld'))
    expect(touches(server, update)).toEqual([{ root: 'meta', sectionId: null, field: null }])
  })

  it('refuses references the server does not know, and bytes that are no update', () => {
    const { server, client, ids } = setup()
    // The client makes a change the server never received, then one that builds on it.
    capture(client, () => section(client, ids[0]!).title.insert(0, 'X'))
    const dependent = capture(client, () => section(client, ids[0]!).title.insert(1, 'Y'))
    expect(resolveUpdate(server, dependent).ok).toBe(false)
    expect(resolveUpdate(server, new Uint8Array([1, 2, 3, 250, 250])).ok).toBe(false)
  })

  it('ignores structs and deletions the server already has', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => section(client, ids[0]!).title.insert(0, 'Z'))
    Y.applyUpdate(server, update)
    // The whole state, resent by another replica: nothing new, nothing touched, no client claimed.
    const result = resolveUpdate(server, Y.encodeStateAsUpdate(client))
    expect(result).toEqual({ ok: true, touches: [], clients: [], contentRoots: [], contentItems: [] })
  })

  it('reports the client ids that wrote structs', () => {
    const { server, client, ids } = setup()
    const update = capture(client, () => section(client, ids[0]!).title.insert(0, 'Z'))
    const result = resolveUpdate(server, update)
    expect(result.ok && result.clients).toEqual([client.clientID])
  })

  // Regression (fault suite, issue 8): a GC struct laid over another client's next clocks claimed
  // nothing, so the gate let it through and the server then dropped that client's edits as known.
  it('reports the client id of a GC struct the server does not have', () => {
    const { server } = setup()
    const victim = 424242
    const gc = new Uint8Array([1, 1, ...varUint(victim), 0, 0, 50, 0])
    const result = resolveUpdate(server, gc)
    expect(result.ok && result.clients).toEqual([victim])
  })

  // Regression (fault suite, network seeds 6 and 7): an update whose first struct starts beyond the
  // server's clock for its client (the client's earlier update was lost with a dead connection) but
  // whose references all resolve was accepted; Yjs then kept it as pending structs in the server's
  // document, which every later sync sent on to other clients, whose step 2 then carried them back
  // as someone else's client id (refused as foreign) — replicas never converged.
  it('refuses an update that leaves a gap in its client’s clocks (it could only be kept as pending)', () => {
    const { server, client, ids } = setup()
    const content = section(client, ids[0]!).content
    capture(client, () => (content.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('verloren ')]))
    const afterGap = capture(client, () => content.insert(0, [new Y.XmlElement('paragraph')]))
    expect(resolveUpdate(server, afterGap)).toMatchObject({ ok: false })
    // What accepting it did: the server's document held structs it could not integrate.
    Y.applyUpdate(server, afterGap)
    expect(server.store.pendingStructs).not.toBeNull()
  })

  it('accepts the same changes once the missing clocks come first, in one update or before', () => {
    const { server, client, ids } = setup()
    const content = section(client, ids[0]!).content
    const lost = capture(client, () => (content.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('verloren ')]))
    const afterGap = capture(client, () => content.insert(0, [new Y.XmlElement('paragraph')]))
    expect(resolveUpdate(server, Y.mergeUpdates([lost, afterGap]))).toMatchObject({ ok: true })
    Y.applyUpdate(server, lost)
    expect(resolveUpdate(server, afterGap)).toMatchObject({ ok: true })
  })
})

function varUint(n: number): number[] {
  const bytes: number[] = []
  let rest = n
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}
