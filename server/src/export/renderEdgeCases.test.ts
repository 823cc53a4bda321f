// Dossiers at the edges: nothing signed yet, text the fonts or formats find awkward, and tables that are
// long, wide, tall, nested or damaged. Every format must still produce a file that opens, with the title
// page, the appendix and every word of the tables.
import type { CanonicalNode } from '@novex/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Dossier } from './dossier.ts'
import { LABELS } from './dossierText.ts'
import { renderDossier } from './renderDossier.ts'
import { htmlTables, readDocx, readMarkdown, readOdt, readPdf, readPdfItems } from './testing/readBack.ts'
import { SENDERS_LINE, sampleDossier } from './testing/sampleDossier.ts'

// "&amp;" and "&lt;" are text the user typed: they must come back as typed, not as "&" and "<".
const AWKWARD = 'Tekst met emoji 🚜, Grieks αβγ, een zeer lang woord '.concat(
  'x'.repeat(300),
  ' en <b>&amp;</b> &lt;i&gt; &foo;.',
)

function emptyDossier(): Dossier {
  return { ...sampleDossier(), sections: [], ledger: [] }
}

function awkwardDossier(): Dossier {
  const base = sampleDossier()
  const [first] = base.sections
  if (!first) throw new Error('sample has a section')
  return {
    ...base,
    title: 'Ontwikkelperspectief “De Peel” & <omgeving>',
    sections: [
      {
        ...first,
        depth: 9,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: AWKWARD }] },
          { type: 'paragraph' },
          { type: 'bulletList', content: [{ type: 'listItem' }] },
          {
            type: 'orderedList',
            attrs: { start: 7 },
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'zeven' }] }] },
            ],
          },
        ],
      },
    ],
  }
}

const para = (value: string): CanonicalNode => ({ type: 'paragraph', content: [{ type: 'text', text: value }] })
const td = (content: CanonicalNode[], attrs: Record<string, unknown> = {}, type = 'tableCell'): CanonicalNode => ({
  type,
  attrs,
  content,
})
const tr = (...cells: CanonicalNode[]): CanonicalNode => ({ type: 'tableRow', content: cells })
const pad = (n: number) => String(n).padStart(2, '0')

const LONG_ROWS = 80
const TALL_LINES = 150
const WIDE_COLUMNS = 16

function tablesDossier(): Dossier {
  const base = sampleDossier()
  const [first] = base.sections
  if (!first) throw new Error('sample has a section')
  const content: CanonicalNode[] = [
    { type: 'table', content: [tr(td([para('zonder kop A1')]), td([para('zonder kop B1')])), tr(td([para('A2')]))] },
    {
      type: 'table',
      content: [
        tr(td([para('Kolom links')], {}, 'tableHeader'), td([para('Kolom rechts')], {}, 'tableHeader')),
        ...Array.from({ length: LONG_ROWS }, (_, i) =>
          tr(td([para(`rij ${pad(i + 1)}`)]), td([para(`waarde ${i + 1}`)])),
        ),
      ],
    },
    {
      type: 'table',
      content: [tr(...Array.from({ length: WIDE_COLUMNS }, (_, i) => td([para(`breed-${i + 1}`)])))],
    },
    {
      type: 'table',
      content: [
        tr(
          td(Array.from({ length: TALL_LINES }, (_, i) => para(`lange cel regel ${i + 1}`))),
          td([para('naast de lange cel')]),
        ),
        tr(td([para('over twee rijen')], { rowspan: 2 }), td([para('onder de lange cel')])),
        tr(td([{ type: 'table', content: [tr(td([para('binnen A')]), td([para('binnen B')]))] }])),
      ],
    },
    tr(td([para('losse rij')])),
    { type: 'table', content: [td([para('losse cel')]), para('losse alinea')] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [para('lijst met tabel'), { type: 'table', content: [tr(td([para('tabel in lijst')]))] }],
        },
      ],
    },
  ]
  return { ...base, sections: [{ ...first, content }] }
}

const TABLE_TEXTS = [
  'zonder kop A1',
  'zonder kop B1',
  'A2',
  'Kolom links',
  ...Array.from({ length: LONG_ROWS }, (_, i) => `rij ${pad(i + 1)}`),
  ...Array.from({ length: WIDE_COLUMNS }, (_, i) => `breed-${i + 1}`),
  ...Array.from({ length: TALL_LINES }, (_, i) => `lange cel regel ${i + 1}`),
  'naast de lange cel',
  'over twee rijen',
  'onder de lange cel',
  'binnen A',
  'binnen B',
  'losse rij',
  'losse cel',
  'losse alinea',
  'lijst met tabel',
  'tabel in lijst',
]

const readers = {
  pdf: readPdf,
  docx: readDocx,
  odt: async (bytes: Uint8Array) => readOdt(bytes),
  md: async (bytes: Uint8Array) => readMarkdown(bytes),
} as const

describe.each(Object.keys(readers) as (keyof typeof readers)[])('%s at the edges', (format) => {
  const texts: Record<'empty' | 'awkward', string> = { empty: '', awkward: '' }
  beforeAll(async () => {
    texts.empty = (await readers[format](await renderDossier(emptyDossier(), format))).text.replace(/\s+/g, ' ')
    texts.awkward = (await readers[format](await renderDossier(awkwardDossier(), format))).text.replace(/\s+/g, ' ')
  }, 60_000)

  it('renders a dossier without sections or ledger: title page and an appendix that says so', () => {
    expect(texts.empty).toContain(SENDERS_LINE)
    expect(texts.empty).toContain(LABELS.noSignedSections)
    expect(texts.empty).toContain(LABELS.emptyLedger)
  })

  it('keeps awkward text, special characters in the title, empty nodes and deep sections', () => {
    expect(texts.awkward).toContain('Ontwikkelperspectief “De Peel” & <omgeving>')
    // The PDF fonts have no emoji: the code point stands in, so nothing silently disappears.
    expect(texts.awkward).toContain(format === 'pdf' ? 'emoji [U+1F69C], Grieks αβγ' : 'emoji 🚜, Grieks αβγ')
    expect(texts.awkward).toContain('<b>&amp;</b> &lt;i&gt; &foo;.')
    expect(texts.awkward).toContain('zeven')
    // PDF breaks the long word over lines; the letters are all there.
    expect(texts.awkward.replace(/ /g, '')).toContain('x'.repeat(300))
  })
})

describe.each(Object.keys(readers) as (keyof typeof readers)[])('%s tables at the edges', (format) => {
  let text = ''
  beforeAll(async () => {
    text = (await readers[format](await renderDossier(tablesDossier(), format))).text.replace(/\s+/g, ' ')
  }, 60_000)

  it('keeps every cell of long, wide, tall, nested and damaged tables, in order', () => {
    const order = TABLE_TEXTS.map((value) => text.indexOf(value))
    for (const [i, at] of order.entries()) expect(at, TABLE_TEXTS[i]).toBeGreaterThan(-1)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })
})

describe('tables at the edges, per format', () => {
  it('PDF: a long table runs over pages with its header row on each; a tall row and a wide table are printed cell after cell', async () => {
    const bytes = await renderDossier(tablesDossier(), 'pdf')
    const { text, pages } = await readPdf(bytes)
    const items = await readPdfItems(bytes)
    const pageOf = (value: string) => items.find((item) => item.text.includes(value))?.page ?? 0
    const firstRow = pageOf('rij 01')
    const lastRow = pageOf(`rij ${LONG_ROWS}`)
    expect(lastRow).toBeGreaterThan(firstRow)
    const headers = items.filter((item) => item.text.includes('Kolom links'))
    expect(new Set(headers.map((item) => item.page))).toEqual(
      new Set(Array.from({ length: lastRow - firstRow + 1 }, (_, i) => firstRow + i)),
    )
    // Cell after cell: each of the wide table's cells on a line of its own, at the left margin.
    const wide = Array.from({ length: WIDE_COLUMNS }, (_, i) => items.find((item) => item.text === `breed-${i + 1}`))
    expect(new Set(wide.map((item) => Math.round(item?.x ?? -1))).size).toBe(1)
    expect(pages).toBeGreaterThan(pageOf('lange cel regel 1'))
    expect(text).toContain(`lange cel regel ${TALL_LINES}`)
  })

  it('ODT: a table in a list item, which ODF does not allow, is kept as its text', async () => {
    const content = readOdt(await renderDossier(tablesDossier(), 'odt')).files['content.xml'] ?? ''
    const item = content.slice(content.indexOf('lijst met tabel'))
    expect(item.slice(0, item.indexOf('</text:list-item>'))).toContain('tabel in lijst')
    expect(item.slice(0, item.indexOf('</text:list-item>'))).not.toContain('<table:table')
  })

  it('Markdown: a table without a header row gets an empty one, so no ordinary cell becomes a header', async () => {
    const { source, html } = readMarkdown(await renderDossier(tablesDossier(), 'md'))
    expect(source).toContain('|  |  |\n| --- | --- |\n| zonder kop A1 | zonder kop B1 |\n| A2 |  |')
    const [first] = htmlTables(html)
    expect(first?.[0]?.map((cell) => [cell.tag, cell.text])).toEqual([
      ['th', ''],
      ['th', ''],
    ])
  })
})
