import {
  createSection,
  getSection,
  metaMap,
  OPEN_SECTION,
  type Rank,
  type SectionId,
  STATUS_KEY,
  sectionPlainText,
  sectionsMap,
  writeSignoffMirror,
} from '@novex/shared'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addedText, GAP } from './addedText.ts'
import { replayPending } from './replayPending.ts'
import { createSectionSchema } from './sectionSchema.ts'

const schema = createSectionSchema()
const REPLAY = { replay: true }

/** The server's document and a page that synced with it; `x` and `y` are two sections. */
interface World {
  readonly server: Y.Doc
  readonly page: Y.Doc
  readonly x: SectionId
  readonly y: SectionId
}

function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

function section(doc: Y.Doc, id: SectionId) {
  const view = getSection(doc, id)
  if (!view) throw new Error(`no section ${id}`)
  return view
}

function text(doc: Y.Doc, id: SectionId): string {
  return sectionPlainText(section(doc, id))
}

/** Types at the end of the section's first paragraph. */
function typeAtEnd(doc: Y.Doc, id: SectionId, value: string, paragraph = 0): void {
  const p = section(doc, id).content.get(paragraph) as Y.XmlElement
  const t = p.get(0) as Y.XmlText
  t.insert(t.length, value)
}

function typeAtStart(doc: Y.Doc, id: SectionId, value: string): void {
  const p = section(doc, id).content.get(0) as Y.XmlElement
  ;(p.get(0) as Y.XmlText).insert(0, value)
}

function lock(server: Y.Doc, id: SectionId): void {
  writeSignoffMirror(server, new Map([[id, { ...OPEN_SECTION, locked: { hash: 'sha256:test', at: 1 } }]]))
}

/** The page after a refusal: a fresh document (new client id) with exactly the server's state. */
function rebuild(server: Y.Doc): Y.Doc {
  const rebuilt = new Y.Doc()
  sync(server, rebuilt)
  return rebuilt
}

/** What the rebuilt page sends the server, applied there; returns the sections it changed. */
function send(rebuilt: Y.Doc, server: Y.Doc): Set<string> {
  const touched = new Set<string>()
  const observe = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      const path = event.path
      if (path.length === 0) {
        for (const key of (event as Y.YMapEvent<unknown>).keysChanged) touched.add(key)
      } else {
        touched.add(String(path[0]))
      }
    }
  }
  sectionsMap(server).observeDeep(observe)
  sync(rebuilt, server)
  sectionsMap(server).unobserveDeep(observe)
  return touched
}

function contentJson(doc: Y.Doc, id: SectionId): string {
  return JSON.stringify(yXmlFragmentToProsemirrorJSON(section(doc, id).content))
}

describe('replayPending', () => {
  let world: World

  beforeEach(() => {
    const server = new Y.Doc()
    const x = createSection(server, { title: 'Hoofdopgave', rank: 'a0' as Rank, paragraphs: ['Tekst van X.'] })
    const y = createSection(server, {
      title: 'Samenhang',
      rank: 'a1' as Rank,
      paragraphs: ['Tekst van Y.', 'Tweede alinea.'],
    })
    const page = new Y.Doc()
    sync(server, page)
    world = { server, page, x, y }
  })

  it('replays an edit in an open section while a concurrent remote edit there survives', () => {
    const { server, page, y } = world
    typeAtEnd(page, y, ' Offline in Y.')
    // Someone else, meanwhile, in the same section and paragraph.
    const other = new Y.Doc()
    sync(server, other)
    typeAtStart(other, y, 'Online eerst. ')
    sync(other, server)

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report.refused).toEqual([])
    expect(report.replayed).toEqual([y])
    expect(text(rebuilt, y)).toBe('Online eerst. Tekst van Y. Offline in Y.\nTweede alinea.')
    expect(send(rebuilt, server)).toEqual(new Set([y]))
    expect(text(server, y)).toBe('Online eerst. Tekst van Y. Offline in Y.\nTweede alinea.')
    // Everything the server now holds is under the rebuilt page's id or the other user's, never the refused one's.
    const vector = Y.decodeStateVector(Y.encodeStateVector(server))
    expect(vector.has(page.clientID)).toBe(false)
    expect(vector.has(rebuilt.clientID)).toBe(true)
  })

  it('does not replay into a locked section and reports exactly the text the user added there', () => {
    const { server, page, x, y } = world
    typeAtEnd(page, x, ' Offline in X.')
    typeAtEnd(page, y, ' Offline in Y.')
    lock(server, x)

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report.refused).toEqual([
      { sectionId: x, title: 'Hoofdopgave', titleText: '', text: 'Offline in X.', why: 'locked' },
    ])
    expect(text(rebuilt, x)).toBe('Tekst van X.')
    expect(text(rebuilt, y)).toBe('Tekst van Y. Offline in Y.\nTweede alinea.')
    expect(send(rebuilt, server)).toEqual(new Set([y]))
    expect(text(server, x)).toBe('Tekst van X.')
  })

  it('replays nothing into a document that lies ter instemming, and reports every section the user changed', () => {
    const { server, page, x, y } = world
    typeAtEnd(page, x, ' Offline in X.')
    typeAtEnd(page, y, ' Offline in Y.')
    const extra = createSection(page, { title: 'Bijlage', rank: 'a2' as Rank, paragraphs: ['Nieuw.'] })
    metaMap(server).set(STATUS_KEY, {
      decisions: [
        {
          kind: 'submitted',
          at: 1,
          by: { userId: 'u', name: 'Trekker', organisationName: 'Ministerie', side: 'rijk' },
          date: null,
          note: '',
        },
      ],
    })

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report.replayed).toEqual([])
    expect(report.refused.map((r) => [r.sectionId, r.why, r.text])).toEqual([
      [x, 'frozen', 'Offline in X.'],
      [y, 'frozen', 'Offline in Y.'],
      [extra, 'frozen', 'Nieuw.'],
    ])
    expect(send(rebuilt, server)).toEqual(new Set())
    expect(text(server, x)).toBe('Tekst van X.')
  })

  it('reports title and several paragraphs added to a locked section, each piece once', () => {
    const { server, page, x } = world
    section(page, x).title.insert(11, ' en ambitie')
    typeAtStart(page, x, 'Begin.')
    typeAtEnd(page, x, ' Eind.')
    const p = new Y.XmlElement('paragraph')
    p.insert(0, [new Y.XmlText('Een nieuwe alinea.')])
    section(page, x).content.push([p])
    lock(server, x)

    const report = replayPending({ previous: page, rebuilt: rebuild(server), schema, origin: REPLAY })

    expect(report.refused).toHaveLength(1)
    expect(report.refused[0]).toMatchObject({
      titleText: 'en ambitie',
      text: `Begin.${GAP}Eind.\nEen nieuwe alinea.`,
      why: 'locked',
    })
  })

  it('replays a section the user created, with its title, place and content', () => {
    const { server, page } = world
    const added = createSection(page, {
      title: 'Nieuw offline',
      rank: 'a2' as Rank,
      paragraphs: ['Eerste.', 'Tweede.'],
    })
    const bold = (section(page, added).content.get(1) as Y.XmlElement).get(0) as Y.XmlText
    bold.format(0, 3, { bold: {} })

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report).toEqual({ replayed: [added], refused: [] })
    send(rebuilt, server)
    const onServer = section(server, added)
    expect(onServer.title.toString()).toBe('Nieuw offline')
    expect(onServer.rank).toBe('a2')
    expect(contentJson(server, added)).toBe(contentJson(page, added))
  })

  it('replays a deletion of an open section, never of a locked one', () => {
    const { server, page, x, y } = world
    sectionsMap(page).delete(x)
    sectionsMap(page).delete(y)
    lock(server, x)

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report.replayed).toEqual([y])
    expect(sectionsMap(rebuilt).has(x)).toBe(true)
    expect(sectionsMap(rebuilt).has(y)).toBe(false)
  })

  it('loses nothing: every open section ends as the user left it, merged with the server', () => {
    const { server, page, x, y } = world
    section(page, x).title.insert(0, 'De ')
    typeAtEnd(page, x, ' Meer.', 0)
    ;((section(page, y).content.get(1) as Y.XmlElement).get(0) as Y.XmlText).format(0, 6, { italic: {} })
    section(page, y).content.delete(0, 1)
    section(page, y).map.set('rank', 'Z')
    const other = new Y.Doc()
    sync(server, other)
    typeAtEnd(other, x, ' Van een ander.', 0)
    sync(other, server)

    const rebuilt = rebuild(server)
    // The intent: the server's state with the page's changes merged in by Yjs itself.
    const intent = new Y.Doc()
    sync(server, intent)
    sync(page, intent)
    replayPending({ previous: page, rebuilt, schema, origin: REPLAY })
    send(rebuilt, server)

    for (const id of [x, y]) {
      expect(section(server, id).title.toString()).toBe(section(intent, id).title.toString())
      expect(contentJson(server, id)).toBe(contentJson(intent, id))
      expect(section(server, id).rank).toBe(section(intent, id).rank)
    }
    // Both concurrent insertions at the same place; their order is Yjs's (by client id).
    expect(text(server, x)).toMatch(/^Tekst van X\.( Meer\.| Van een ander\.){2}$/)
    expect(text(server, x)).toContain(' Meer.')
    expect(text(server, x)).toContain(' Van een ander.')
  })

  it('writes nothing when the server already has everything', () => {
    const { server, page } = world
    const rebuilt = rebuild(server)
    let updates = 0
    rebuilt.on('update', () => updates++)
    expect(replayPending({ previous: page, rebuilt, schema, origin: REPLAY })).toEqual({ replayed: [], refused: [] })
    expect(updates).toBe(0)
  })

  it('never rewrites content its schema does not know, and reports the text instead', () => {
    const { server, page, y } = world
    const unknown = new Y.XmlElement('mysteryBlock')
    unknown.insert(0, [new Y.XmlText('Onbekend blok.')])
    section(page, y).content.push([unknown])
    typeAtEnd(page, y, ' Offline in Y.')

    const rebuilt = rebuild(server)
    const report = replayPending({ previous: page, rebuilt, schema, origin: REPLAY })

    expect(report.refused).toEqual([
      {
        sectionId: y,
        title: 'Samenhang',
        titleText: '',
        text: 'Offline in Y.\nOnbekend blok.',
        why: 'unsupported',
      },
    ])
    expect(text(rebuilt, y)).toBe('Tekst van Y.\nTweede alinea.')
    // The page's own document is read, never changed.
    expect(text(page, y)).toContain('Onbekend blok.')
  })
})

describe('addedText', () => {
  it('splits an item Yjs merged from old and new characters of one client', () => {
    const doc = new Y.Doc()
    const t = doc.getText('t')
    t.insert(0, 'oud')
    const known = Y.decodeStateVector(Y.encodeStateVector(doc))
    t.insert(3, ' nieuw')
    expect(addedText(t, known)).toBe('nieuw')
  })

  it('leaves out new text that was deleted again, and keeps runs apart that old text separates', () => {
    const doc = new Y.Doc()
    const t = doc.getText('t')
    t.insert(0, 'aaa bbb')
    const known = Y.decodeStateVector(Y.encodeStateVector(doc))
    t.insert(7, ' eind')
    t.insert(3, ' midden')
    t.insert(0, 'weg ')
    t.delete(0, 4)
    expect(addedText(t, known)).toBe(`midden${GAP}eind`)
  })
})
