import type { CanonicalNode } from '@novex/shared'
import { MAX_TABLE_SPAN } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { type Block, contentBlocks, inlinesOf, inlineText, MAX_SPAN } from './contentBlocks.ts'
import { safeHref } from './safeHref.ts'

const text = (value: string, ...marks: { type: string; attrs?: Record<string, unknown> }[]): CanonicalNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }

function allText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return inlineText(b.inlines)
        case 'list':
          return b.items.map(allText).join('\n')
        case 'quote':
          return allText(b.blocks)
        case 'code':
          return b.text
        case 'rule':
          return ''
        case 'table':
          return b.rows.map((row) => row.cells.map((cell) => allText(cell.blocks)).join('\n')).join('\n')
      }
      return ''
    })
    .join('\n')
}

const p = (value: string): CanonicalNode => ({ type: 'paragraph', content: [text(value)] })
const cell = (value: string, attrs?: Record<string, unknown>): CanonicalNode => ({
  type: 'tableCell',
  ...(attrs ? { attrs } : {}),
  content: [p(value)],
})
const header = (value: string): CanonicalNode => ({ type: 'tableHeader', content: [p(value)] })
const row = (...cells: CanonicalNode[]): CanonicalNode => ({ type: 'tableRow', content: cells })

function onlyTable(nodes: CanonicalNode[]): Extract<Block, { kind: 'table' }> {
  const blocks = contentBlocks(nodes, 1)
  expect(blocks).toHaveLength(1)
  const [table] = blocks
  if (table?.kind !== 'table') throw new Error(`expected a table, got ${table?.kind}`)
  return table
}

/** Per row, per cell: its text, with a * for a header cell and the spans when not 1. */
function tableShape(table: Extract<Block, { kind: 'table' }>): string[][] {
  return table.rows.map((r) =>
    r.cells.map(
      (c) =>
        `${c.header ? '*' : ''}${allText(c.blocks)}${c.colSpan > 1 ? ` c${c.colSpan}` : ''}${c.rowSpan > 1 ? ` r${c.rowSpan}` : ''}`,
    ),
  )
}

describe('safeHref', () => {
  it('passes http(s) and mailto, normalised', () => {
    expect(safeHref('https://www.rijksoverheid.nl/npg')).toBe('https://www.rijksoverheid.nl/npg')
    expect(safeHref(' HTTP://Example.NL ')).toBe('http://example.nl/')
    expect(safeHref('mailto:trekkers@novex.example')).toBe('mailto:trekkers@novex.example')
  })

  it('refuses script, data, relative and disguised URLs', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example',
      '',
      42,
      null,
    ]) {
      expect(safeHref(href), String(href)).toBeNull()
    }
  })
})

describe('contentBlocks', () => {
  it('maps marks and keeps a link only when its href is safe', () => {
    const [safe, unsafe, both] = inlinesOf([
      text('NPLG', { type: 'link', attrs: { href: 'https://x.example' } }),
      text('klik', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
      text(
        'vet en schuin',
        { type: 'bold' },
        { type: 'italic' },
        { type: 'strike' },
        { type: 'underline' },
        { type: 'code' },
      ),
    ])
    expect(safe).toMatchObject({ kind: 'text', text: 'NPLG', href: 'https://x.example/' })
    expect(unsafe).toMatchObject({ kind: 'text', text: 'klik', href: null })
    expect(both).toMatchObject({ marks: { bold: true, italic: true, strike: true, underline: true, code: true } })
  })

  it('renders a section link as a readable reference', () => {
    const inlines = inlinesOf([
      {
        type: 'sectionLink',
        attrs: { documentId: 'd', sectionId: 's', title: 'Wonen', documentTitle: 'Voorstel Overijssel', number: '4' },
      },
    ])
    expect(inlineText(inlines)).toBe('zie Voorstel Overijssel, § 4 Wonen')
  })

  it('never drops the text of unknown nodes, inline or block', () => {
    const blocks = contentBlocks(
      [
        { type: 'callout', content: [text('in een callout')] },
        { type: 'details', content: [{ type: 'paragraph', content: [text('in een uitklapblok')] }] },
        { type: 'paragraph', content: [text('voor '), { type: 'mention', attrs: { label: '@Anne' } }, text(' na')] },
        { type: 'paragraph', content: [{ type: 'highlightSpan', content: [text('gemarkeerd', { type: 'bold' })] }] },
      ],
      1,
    )
    const all = allText(blocks)
    for (const expected of ['in een callout', 'in een uitklapblok', 'voor @Anne na', 'gemarkeerd']) {
      expect(all).toContain(expected)
    }
  })

  it("maps a table to rows of cells with header rows, spans and the cells' own blocks", () => {
    const table = onlyTable([
      {
        type: 'table',
        content: [
          row(header('Opgave'), header('Maatregel')),
          row(cell('Stikstof', { colspan: 2, rowspan: 1, colwidth: [120, 80] })),
          row(header('Water'), {
            type: 'tableCell',
            attrs: { colspan: 1, rowspan: 2, colwidth: null },
            content: [p('drainage'), { type: 'bulletList', content: [{ type: 'listItem', content: [p('peil')] }] }],
          }),
        ],
      },
    ])
    expect(tableShape(table)).toEqual([['*Opgave', '*Maatregel'], ['Stikstof c2'], ['*Water', 'drainage\npeil r2']])
    expect(table.rows.map((r) => r.header)).toEqual([true, false, false])
    expect(table.rows[2]?.cells[1]?.blocks.map((b) => b.kind)).toEqual(['paragraph', 'list'])
  })

  it('reads missing, broken and absurd spans as 1 or cuts them back to the maximum', () => {
    const table = onlyTable([
      {
        type: 'table',
        content: [
          row(
            cell('geen'),
            cell('nul', { colspan: 0, rowspan: null }),
            cell('tekst', { colspan: 'twee', rowspan: -3 }),
            cell('groot', { colspan: 10_000, rowspan: 1e9 }),
            cell('string', { colspan: '3' }),
          ),
        ],
      },
    ])
    const spans = table.rows[0]?.cells.map((c) => [c.colSpan, c.rowSpan])
    expect(spans).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [MAX_SPAN, MAX_SPAN],
      [3, 1],
    ])
    // The bound is the content policy's: what the server stores, the exports lay out.
    expect(MAX_SPAN).toBe(MAX_TABLE_SPAN)
  })

  it('keeps all text of malformed tables, in place, and never throws', () => {
    const blocks = contentBlocks(
      [
        // A row outside a table: a table of one row.
        row(cell('losse rij')),
        // A cell outside a row: its content.
        header('losse kop'),
        // Cells and a paragraph straight in a table, a paragraph straight in a row, text in an empty cell.
        {
          type: 'table',
          content: [
            cell('cel zonder rij'),
            cell('tweede zonder rij'),
            p('alinea in tabel'),
            row(p('alinea in rij'), { type: 'tableCell', content: [text('kale tekst')] }),
            { type: 'tableRow' },
          ],
        },
        // Empty tables: nothing to show, nothing to throw.
        { type: 'table' },
        { type: 'table', content: [{ type: 'tableRow' }, { type: 'tableRow', content: [] }] },
      ],
      1,
    )
    expect(blocks.map((b) => b.kind)).toEqual(['table', 'paragraph', 'table'])
    const [loose, , stray] = blocks
    if (loose?.kind !== 'table' || stray?.kind !== 'table') throw new Error('tables expected')
    expect(tableShape(loose)).toEqual([['losse rij']])
    expect(tableShape(stray)).toEqual([
      ['cel zonder rij', 'tweede zonder rij'],
      ['alinea in tabel'],
      ['alinea in rij', 'kale tekst'],
      [],
    ])
    const all = allText(blocks)
    for (const expected of [
      'losse rij',
      'losse kop',
      'cel zonder rij',
      'alinea in tabel',
      'alinea in rij',
      'kale tekst',
    ]) {
      expect(all).toContain(expected)
    }
  })

  it('keeps the text of a table too large to be a grid, cell after cell', () => {
    // 2 rows × 64 × 1,000 columns: only a crafted document gets there.
    const wide = row(...Array.from({ length: 1000 }, (_, i) => cell(`cel ${i}`, { colspan: 64 })))
    const blocks = contentBlocks([{ type: 'table', content: [wide, row(cell('onder'))] }], 1)
    expect(blocks.every((b) => b.kind === 'paragraph')).toBe(true)
    expect(blocks).toHaveLength(1001)
    expect(allText(blocks)).toContain('cel 999\nonder')
  })

  it('drops line breaks at the edges of a paragraph', () => {
    const [paragraph] = contentBlocks(
      [
        {
          type: 'paragraph',
          content: [{ type: 'hardBreak' }, text('a'), { type: 'hardBreak' }, text('b'), { type: 'hardBreak' }],
        },
      ],
      1,
    )
    expect(paragraph?.kind === 'paragraph' && inlineText(paragraph.inlines)).toBe('a\nb')
  })

  it('nests content headings under the section heading and caps them at six', () => {
    const blocks = contentBlocks(
      [
        { type: 'heading', attrs: { level: 1 }, content: [text('a')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('b')] },
      ],
      2,
    )
    expect(blocks.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([3, 6])
  })

  it('keeps nested lists, list starts, code, quotes and removes control characters', () => {
    const [list, code] = contentBlocks(
      [
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [text('drie')] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('diep')] }] }],
                },
              ],
            },
          ],
        },
        { type: 'codeBlock', content: [text('a\u0000b\nc')] },
      ],
      1,
    )
    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3 })
    expect(list?.kind === 'list' && list.items[0]?.[1]).toMatchObject({ kind: 'list', ordered: false })
    expect(code).toEqual({ kind: 'code', text: 'ab\nc' })
  })
})

describe('images', () => {
  const image = (attrs: Record<string, unknown>): CanonicalNode => ({ type: 'image', attrs })
  const SRC = `/api/documents/de-peel/images/${'0f'.repeat(32)}`

  it('maps an image node to an image block: alt text (empty when none), and a size only when it is whole pixels', () => {
    expect(
      contentBlocks(
        [
          image({ src: SRC, alt: 'Kaart van De Peel', title: 'titel', width: 640, height: 320 }),
          image({ src: SRC, alt: null, title: null, width: null, height: null }),
          image({ src: SRC, alt: ' Kaart\nmet  regels\u0007 ', width: 12.5, height: -3 }),
          image({ src: SRC, alt: 42, width: '640', height: 0 }),
        ],
        1,
      ),
    ).toEqual([
      { kind: 'image', src: SRC, alt: 'Kaart van De Peel', caption: null, widthPx: 640, heightPx: 320 },
      { kind: 'image', src: SRC, alt: '', caption: null, widthPx: null, heightPx: null },
      { kind: 'image', src: SRC, alt: 'Kaart met regels', caption: null, widthPx: null, heightPx: null },
      { kind: 'image', src: SRC, alt: '', caption: null, widthPx: null, heightPx: null },
    ])
  })

  it('reads the caption trimmed, on one line and without control characters; empty, blank or not a string is none', () => {
    const captions = contentBlocks(
      [
        image({ src: SRC, alt: 'kaart', caption: 'Figuur 2. Zoekgebieden woningbouw. Bron: provincie Noord-Brabant' }),
        image({ src: SRC, alt: 'kaart', caption: '  Figuur 3.\n Peelvenen\u0007  ' }),
        image({ src: SRC, alt: 'kaart', caption: '' }),
        image({ src: SRC, alt: 'kaart', caption: ' \n\t ' }),
        image({ src: SRC, alt: 'kaart', caption: null }),
        image({ src: SRC, alt: 'kaart', caption: 42 }),
        image({ src: SRC, alt: 'kaart' }),
      ],
      1,
    ).map((block) => block.kind === 'image' && block.caption)
    expect(captions).toEqual([
      'Figuur 2. Zoekgebieden woningbouw. Bron: provincie Noord-Brabant',
      'Figuur 3. Peelvenen',
      null,
      null,
      null,
      null,
      null,
    ])
  })

  it('keeps the alt text and caption of an image without an address; one without any of them is left out', () => {
    expect(
      contentBlocks(
        [
          image({ src: null, alt: 'Kaart zonder adres' }),
          image({ alt: '' }),
          image({}),
          image({ alt: ' ', caption: 'Figuur 4. Alleen een bijschrift' }),
          image({ caption: '  ' }),
        ],
        1,
      ),
    ).toEqual([
      { kind: 'image', src: '', alt: 'Kaart zonder adres', caption: null, widthPx: null, heightPx: null },
      { kind: 'image', src: '', alt: '', caption: 'Figuur 4. Alleen een bijschrift', widthPx: null, heightPx: null },
    ])
  })

  it('finds images in list items, quotes, table cells and unknown wrappers', () => {
    const blocks = contentBlocks(
      [
        { type: 'bulletList', content: [{ type: 'listItem', content: [image({ src: SRC, alt: 'in lijst' })] }] },
        { type: 'blockquote', content: [image({ src: SRC, alt: 'in citaat' })] },
        { type: 'table', content: [row({ type: 'tableCell', content: [image({ src: SRC, alt: 'in cel' })] })] },
        { type: 'figure', content: [image({ src: SRC, alt: 'in figuur' })] },
      ],
      1,
    )
    expect(blocks).toMatchObject([
      { kind: 'list', items: [[{ kind: 'image', alt: 'in lijst' }]] },
      { kind: 'quote', blocks: [{ kind: 'image', alt: 'in citaat' }] },
      { kind: 'table', rows: [{ cells: [{ blocks: [{ kind: 'image', alt: 'in cel' }] }] }] },
      { kind: 'image', alt: 'in figuur' },
    ])
  })

  it('keeps the alt text and caption of an image where text belongs', () => {
    const [paragraph, captioned] = contentBlocks(
      [
        { type: 'paragraph', content: [text('zie '), image({ src: SRC, alt: 'de kaart' }), text(' hierboven')] },
        { type: 'paragraph', content: [image({ src: SRC, alt: 'de kaart', caption: ' Figuur 5. De Peel ' })] },
      ],
      1,
    )
    expect(paragraph?.kind === 'paragraph' && inlineText(paragraph.inlines)).toBe(
      'zie [Afbeelding: de kaart] hierboven',
    )
    expect(captioned?.kind === 'paragraph' && inlineText(captioned.inlines)).toBe(
      '[Afbeelding: de kaart] Figuur 5. De Peel',
    )
  })
})
