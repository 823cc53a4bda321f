import {
  createSection,
  getSection,
  imageSrc,
  initialRanks,
  newSectionId,
  type Rank,
  RefusalReason,
  type SectionId,
  sectionsMap,
} from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createUpdateGate, type GateInput, type GateVerdict } from './updateGate.ts'

const DOCUMENT_ID = 'ontwikkelperspectief-de-peel'
const IMAGE_ID = 'ab'.repeat(32)

/** An image node as the editor writes it (its attributes as y-prosemirror stores them). */
function image(attrs: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('image')
  for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string)
  return element
}

/** A server doc with two sections, and a client replica of it. */
function setup(): { server: Y.Doc; client: Y.Doc; ids: SectionId[] } {
  const server = new Y.Doc()
  const ids = initialRanks(2).map((rank, i) =>
    createSection(server, { title: `Sectie ${i}`, rank: rank as Rank, paragraphs: [`Tekst ${i}`] }),
  )
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return { server, client, ids }
}

/** Gates the update a change on the client produces, as an editing connection of that client. */
function gate(server: Y.Doc, client: Y.Doc, change: () => void): GateVerdict {
  const updates: Uint8Array[] = []
  const handler = (u: Uint8Array) => updates.push(u)
  client.on('update', handler)
  client.transact(change)
  client.off('update', handler)
  // The gate reads only these fields of the connection.
  const peer = {
    canEdit: true,
    writerIds: new Set([client.clientID]),
    user: { id: 'u' },
  } as unknown as GateInput['peer']
  return createUpdateGate()({
    documentId: DOCUMENT_ID,
    peer,
    doc: server,
    update: Y.mergeUpdates(updates),
    liveWriter: () => null,
    owner: () => null,
    lockedSections: new Set(),
    frozen: false,
  })
}

const contentOf = (doc: Y.Doc, id: SectionId | undefined): Y.XmlFragment => {
  const section = id ? getSection(doc, id) : undefined
  if (!section) throw new Error('no section')
  return section.content
}

/** The text of the first paragraph. */
function firstText(fragment: Y.XmlFragment): Y.XmlText {
  const paragraph = fragment.get(0)
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  if (!(text instanceof Y.XmlText)) throw new Error('no text')
  return text
}

/** Appends a paragraph holding `text` with the given formatting (marks). */
function appendText(fragment: Y.XmlFragment, text: string, format?: Record<string, unknown>): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  const ytext = new Y.XmlText()
  paragraph.insert(0, [ytext])
  fragment.insert(fragment.length, [paragraph])
  ytext.insert(0, text, format)
  return paragraph
}

const link = (href: string) => ({ link: { href, target: '_blank', rel: 'noopener noreferrer nofollow', class: null } })

const refusedFor = (verdict: GateVerdict): string | null => (verdict.accept ? null : verdict.reason)

describe('content policy (update gate)', () => {
  it('accepts what the editor writes: text, marks, safe links, headings, lists, section links, new sections', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => {
      const content = contentOf(client, ids[0])
      appendText(content, 'vet', { bold: {} })
      appendText(content, 'site', link('https://www.example.nl/pad?x=1'))
      appendText(content, 'mail', link('mailto:a@b.nl'))
      appendText(content, 'intern', link('/documenten/de-peel#s'))
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      heading.insert(0, [new Y.XmlText('Kop')])
      const list = new Y.XmlElement('orderedList')
      list.setAttribute('start', 3 as unknown as string)
      const item = new Y.XmlElement('listItem')
      list.insert(0, [item])
      const code = new Y.XmlElement('codeBlock')
      code.setAttribute('language', 'typescript')
      const sectionLink = new Y.XmlElement('sectionLink')
      sectionLink.setAttribute('documentId', 'ontwikkelperspectief-de-peel')
      sectionLink.setAttribute('sectionId', ids[1] ?? '')
      const withLink = new Y.XmlElement('paragraph')
      withLink.insert(0, [new Y.XmlText('zie '), sectionLink, new Y.XmlElement('hardBreak')])
      content.insert(content.length, [heading, list, code, withLink, new Y.XmlElement('horizontalRule')])
      createSection(client, { id: newSectionId(), title: 'Nieuw', rank: 'zzz' as Rank, paragraphs: ['a'] })
    })
    expect(verdict).toMatchObject({ accept: true })
  })

  it('accepts a table as the editor writes it: rows of header and body cells with spans, widths and alignment', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => {
      const cell = (name: 'tableHeader' | 'tableCell', attrs: Record<string, unknown>, words: string) => {
        const element = new Y.XmlElement(name)
        for (const [key, value] of Object.entries(attrs)) element.setAttribute(key, value as string)
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(words)])
        element.insert(0, [paragraph])
        return element
      }
      const row = (...cells: Y.XmlElement[]) => {
        const element = new Y.XmlElement('tableRow')
        element.insert(0, cells)
        return element
      }
      const table = new Y.XmlElement('table')
      table.insert(0, [
        row(
          cell('tableHeader', { colspan: 1, rowspan: 1 }, 'Doel'),
          cell('tableHeader', { colspan: 1, rowspan: 1 }, '2030'),
        ),
        row(cell('tableCell', { colspan: 2, rowspan: 1, colwidth: [120, 80], align: 'right' }, 'Stikstof −40 %')),
      ])
      contentOf(client, ids[0]).insert(1, [table])
    })
    expect(verdict).toMatchObject({ accept: true })
  })

  it("accepts an image of this document's own, with its alternative text and size", () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => {
      const attrs = {
        src: imageSrc(DOCUMENT_ID, IMAGE_ID),
        alt: 'Kaart van De Peel',
        caption: `Figuur 1. De Peel. Bron: provincie Noord-Brabant.${'x'.repeat(450)}`,
        width: 1200,
        height: 800,
      }
      contentOf(client, ids[0]).insert(1, [image(attrs)])
    })
    expect(verdict).toMatchObject({ accept: true })
  })

  it("refuses an image that is not this document's: another document's, another host's, a data: address", () => {
    const sources = [
      imageSrc('voorstel-noord-brabant', IMAGE_ID),
      `https://tracker.example.com/pixel.png`,
      `//tracker.example.com${imageSrc(DOCUMENT_ID, IMAGE_ID)}`,
      'data:image/png;base64,iVBORw0KGgo=',
      imageSrc(DOCUMENT_ID, 'not-a-hash'),
      `${imageSrc(DOCUMENT_ID, IMAGE_ID)}?x=1`,
      42,
    ]
    for (const src of sources) {
      const { server, client, ids } = setup()
      const verdict = gate(server, client, () => contentOf(client, ids[0]).insert(1, [image({ src, alt: 'x' })]))
      expect(refusedFor(verdict), String(src)).toBe(RefusalReason.content)
    }
    const tooLong = [{ alt: 'x'.repeat(1_001) }, { caption: 'x'.repeat(501) }, { caption: 7 }]
    for (const attrs of [{ width: 0 }, { height: 20_001 }, { width: '100' }, ...tooLong]) {
      const { server, client, ids } = setup()
      const verdict = gate(server, client, () =>
        contentOf(client, ids[0]).insert(1, [image({ src: imageSrc(DOCUMENT_ID, IMAGE_ID), ...attrs })]),
      )
      expect(refusedFor(verdict), JSON.stringify(attrs)).toBe(RefusalReason.content)
    }
  })

  it('accepts typing into existing text and formatting existing text (the parent is in the store)', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => {
      const text = firstText(contentOf(client, ids[1]))
      text.insert(2, 'xyz')
      text.format(0, 3, { italic: {} })
    })
    expect(verdict).toMatchObject({ accept: true })
  })

  it('accepts a changed attribute of a stored element (a heading level, a merged cell), and checks its value', () => {
    // Setting a key that is already set: the new value's item points at the old one (its origin), so
    // the update leaves its parent and key out; both come from that neighbour.
    const build = (level: number, colspan: number) => {
      const { server, client, ids } = setup()
      const content = contentOf(client, ids[0])
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 2 as unknown as string)
      const cell = new Y.XmlElement('tableCell')
      cell.setAttribute('colspan', 1 as unknown as string)
      content.insert(0, [heading, cell])
      Y.applyUpdate(server, Y.encodeStateAsUpdate(client))
      return gate(server, client, () => {
        heading.setAttribute('level', level as unknown as string)
        cell.setAttribute('colspan', colspan as unknown as string)
      })
    }
    expect(build(3, 2)).toMatchObject({ accept: true })
    expect(refusedFor(build(9, 2))).toBe(RefusalReason.content)
    expect(refusedFor(build(3, 0))).toBe(RefusalReason.content)
  })

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    [' \u0001javascript:alert(1)'],
    ['java\tscr\nipt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
  ])('refuses a link to %j', (href) => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => appendText(contentOf(client, ids[0]), 'klik', link(href)))
    expect(refusedFor(verdict)).toBe(RefusalReason.content)
  })

  it('refuses a script link laid over existing text (a format item inside a stored text)', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () =>
      firstText(contentOf(client, ids[1])).format(0, 4, link('javascript:alert(1)')),
    )
    expect(refusedFor(verdict)).toBe(RefusalReason.content)
  })

  it('refuses an on* attribute, on a new element and on a stored one', () => {
    const fresh = setup()
    const onNew = gate(fresh.server, fresh.client, () =>
      appendText(contentOf(fresh.client, fresh.ids[0]), 'klik').setAttribute('onclick', 'alert(1)'),
    )
    expect(onNew).toMatchObject({ accept: false, reason: RefusalReason.content })
    expect(onNew.accept ? '' : onNew.detail).toContain('onclick')
    const stored = setup()
    const onStored = gate(stored.server, stored.client, () =>
      (contentOf(stored.client, stored.ids[0]).get(0) as Y.XmlElement).setAttribute('onmouseover', 'alert(1)'),
    )
    expect(refusedFor(onStored)).toBe(RefusalReason.content)
  })

  it('refuses unknown elements, marks and attributes', () => {
    const cases: ((content: Y.XmlFragment) => void)[] = [
      (content) => content.insert(0, [new Y.XmlElement('script')]),
      (content) => content.insert(0, [new Y.XmlElement('img')]),
      (content) => appendText(content, 'x', { span: { style: 'x' } }),
      (content) => appendText(content, 'x', { link: { href: 'https://a.nl', onclick: 'alert(1)' } }),
      (content) => appendText(content, 'x').setAttribute('style', 'background:url(javascript:alert(1))'),
      (content) => appendText(content, 'x').setAttribute('textAlign', 'center'),
    ]
    for (const build of cases) {
      const { server, client, ids } = setup()
      expect(refusedFor(gate(server, client, () => build(contentOf(client, ids[0]))))).toBe(RefusalReason.content)
    }
  })

  it('refuses oversized and mistyped attribute values', () => {
    const cases: ((content: Y.XmlFragment) => void)[] = [
      (content) => appendText(content, 'x', { link: { href: 'https://a.nl', title: 'x'.repeat(256 * 1024) } }),
      (content) => appendText(content, 'x', link(`https://a.nl/${'x'.repeat(5_000)}`)),
      (content) => {
        const heading = new Y.XmlElement('heading')
        heading.setAttribute('level', 9 as unknown as string)
        content.insert(0, [heading])
      },
      (content) => {
        const code = new Y.XmlElement('codeBlock')
        code.setAttribute('language', 'x" onmouseover="alert(1)')
        content.insert(0, [code])
      },
      (content) => {
        const sectionLink = new Y.XmlElement('sectionLink')
        sectionLink.setAttribute('documentId', '../../etc/passwd')
        content.insert(0, [sectionLink])
      },
      (content) => appendText(content, 'x', { bold: 'ja' }),
      ...[
        ['colspan', 0],
        ['rowspan', 65],
        ['colspan', '2'],
        ['colwidth', [100, -1]],
        ['colwidth', 'x'.repeat(100)],
        ['align', 'justify'],
      ].map(([name, value]) => (content: Y.XmlFragment) => {
        const cell = new Y.XmlElement('tableCell')
        cell.setAttribute(name as string, value as string)
        content.insert(0, [cell])
      }),
    ]
    for (const build of cases) {
      const { server, client, ids } = setup()
      expect(refusedFor(gate(server, client, () => build(contentOf(client, ids[0]))))).toBe(RefusalReason.content)
    }
  })

  it('refuses types the editor never writes inside content: embeds, maps, attributes on text', () => {
    const cases: ((content: Y.XmlFragment) => void)[] = [
      (content) => firstText(content).insertEmbed(0, { image: 'x' }),
      (content) => {
        const map = new Y.Map<unknown>()
        const paragraph = content.get(0) as Y.XmlElement
        paragraph.insert(0, [map as unknown as Y.XmlElement])
      },
      (content) => firstText(content).setAttribute('onclick', 'alert(1)'),
    ]
    for (const build of cases) {
      const { server, client, ids } = setup()
      expect(refusedFor(gate(server, client, () => build(contentOf(client, ids[0]))))).toBe(RefusalReason.content)
    }
  })

  it('refuses a section whose content is not a fragment (an editor could not bind to it)', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () =>
      sectionsMap(client)
        .get(ids[0] ?? '')
        ?.set('content', new Y.Text('<script>alert(1)</script>')),
    )
    expect(refusedFor(verdict)).toBe(RefusalReason.content)
  })

  it('lets anything be deleted', () => {
    const { server, client, ids } = setup()
    const verdict = gate(server, client, () => contentOf(client, ids[0]).delete(0, 1))
    expect(verdict).toMatchObject({ accept: true })
  })
})
