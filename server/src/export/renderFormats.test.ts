// What each file format needs beyond its text: a valid ODF package whose styles all exist, a PDF/A
// with embedded fonts and Dutch as its language, a DOCX with real heading styles and external links,
// in each format the locked section's table as a real table (not its text as paragraphs), and the
// status and decisions escaped as all user text is (tagged in the PDF as the appendix is).
import type { CanonicalNode } from '@novex/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from './renderDocx.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { renderOdt } from './renderOdt.ts'
import { renderPdf } from './renderPdf.ts'
import {
  htmlTables,
  type PdfTextItem,
  readDocxHtml,
  readMarkdown,
  readOdt,
  readOdtTables,
  readPdf,
  readPdfElements,
  readPdfItems,
  unzip,
} from './testing/readBack.ts'
import { DECISION_LINES, SUBMISSION_NOTE } from './testing/sampleDecisions.ts'
import { sampleDossier, TABLE_ROWS, TABLE_SPANNING } from './testing/sampleDossier.ts'
import { flat } from './testing/testDossiers.ts'

// Rendered once: pdfkit and the fonts take seconds on a busy two-core machine.
const empty = (): Uint8Array => new Uint8Array()
const rendered = { odt: empty(), pdf: empty(), docx: empty(), md: empty() }
beforeAll(async () => {
  rendered.odt = await renderOdt(sampleDossier())
  rendered.pdf = await renderPdf(sampleDossier())
  rendered.docx = await renderDocx(sampleDossier())
  rendered.md = await renderMarkdown(sampleDossier())
}, 60_000)

const cellTexts = (rows: readonly (readonly { readonly text: string }[])[] | undefined) =>
  rows?.map((row) => row.map((cell) => cell.text))

describe('ODT package', () => {
  it('starts with the mimetype entry, stored, and lists every part in the manifest', () => {
    const odt = readOdt(rendered.odt)
    expect(odt.firstEntry).toBe('mimetype')
    expect(odt.firstEntryStored).toBe(true)
    expect(odt.files.mimetype).toBe('application/vnd.oasis.opendocument.text')
    const manifest = odt.files['META-INF/manifest.xml'] ?? ''
    for (const part of ['content.xml', 'styles.xml', 'meta.xml']) {
      expect(odt.files[part]).toBeDefined()
      expect(manifest).toContain(`manifest:full-path="${part}"`)
    }
    expect(odt.files['meta.xml']).toContain('<dc:title>Ontwikkelperspectief De Peel</dc:title>')
    expect(odt.files['meta.xml']).toContain('<dc:language>nl-NL</dc:language>')
  })

  it('defines every style that content.xml uses', () => {
    const { files } = readOdt(rendered.odt)
    const content = files['content.xml'] ?? ''
    const defined = new Set(
      [
        ...`${content}${files['styles.xml']}`.matchAll(/<(?:style:style|text:list-style)[^>]* style:name="([^"]+)"/g),
      ].map((m) => m[1]),
    )
    const used = new Set([...content.matchAll(/(?:text|table|draw):style-name="([^"]+)"/g)].map((m) => m[1]))
    // The sample's map is a frame in a paragraph of its own style.
    expect(used).toContain('Fr_image')
    expect(used.size).toBeGreaterThan(5)
    for (const name of used) expect(defined, `style ${name}`).toContain(name)
  })

  it('keeps headings as outline headings and escapes user text in the XML', () => {
    const { files } = readOdt(rendered.odt)
    const content = files['content.xml'] ?? ''
    expect(content).toMatch(/<text:h text:style-name="[^"]*Heading_20_1" text:outline-level="1">1 De hoofdopgave/)
    expect(content).toContain('&lt;script&gt;')
    expect(content).not.toContain('<script>')
  })
})

describe('PDF', () => {
  it('is PDF/A-2b with embedded fonts, Dutch language and document info', () => {
    const raw = new TextDecoder('latin1').decode(rendered.pdf)
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw).toMatch(/pdfaid:part>2</)
    expect(raw).toMatch(/pdfaid:conformance>B</)
    expect(raw).toContain('/Lang (nl-NL)')
    expect(raw).toContain('/FontFile2')
    // The 14 standard fonts are not embedded, which PDF/A forbids: none may be used.
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  it('is tagged: a structure tree with headings, paragraphs and lists, the footer as an artifact', () => {
    const raw = new TextDecoder('latin1').decode(rendered.pdf)
    expect(raw).toContain('/MarkInfo')
    expect(raw).toContain('/Marked true')
    expect(raw).toContain('/StructTreeRoot')
    for (const type of ['/Document', '/H1', '/H2', '/P', '/L', '/LI', '/Lbl', '/LBody', '/BlockQuote']) {
      expect(raw).toContain(`/S ${type}\n`)
    }
  })
})

describe('DOCX', () => {
  it('uses the built-in heading styles, Dutch as language and external links only for safe targets', () => {
    const parts = unzip(rendered.docx)
    const xml = parts['word/document.xml'] ?? ''
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/)
    expect(`${xml}${parts['word/styles.xml']}`).toContain('w:val="nl-NL"')
    const rels = parts['word/_rels/document.xml.rels'] ?? ''
    expect(rels).toContain('Target="https://www.rijksoverheid.nl/npg?bron=novex&amp;taal=nl" TargetMode="External"')
    expect(rels).not.toMatch(/javascript:|data:/i)
    expect(parts['docProps/core.xml']).toContain('Ontwikkelperspectief De Peel')
  })
})

describe("the locked section's table", () => {
  it('DOCX: a Word table whose header row repeats on each page, with the spanning cell and the cells in order', async () => {
    const [table, ...others] = htmlTables(await readDocxHtml(rendered.docx))
    expect(others).toHaveLength(0)
    expect(cellTexts(table)).toEqual(TABLE_ROWS)
    expect(table?.[0]?.map((cell) => cell.tag)).toEqual(['th', 'th', 'th'])
    expect(table?.[1]?.[0]).toMatchObject({ tag: 'td', text: TABLE_SPANNING, colspan: 2 })
    const xml = unzip(rendered.docx)['word/document.xml'] ?? ''
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1)
    expect(xml).toMatch(/<w:tblGrid>(<w:gridCol w:w="\d+"\/>){3}<\/w:tblGrid>/)
  })

  it('ODT: a table:table of three columns, one header row, the span and its covered cell', () => {
    const [table, ...others] = readOdtTables(rendered.odt)
    expect(others).toHaveLength(0)
    expect(table).toMatchObject({ columns: 3, headerRows: 1 })
    expect(table?.rows.map((row) => row.length)).toEqual([3, 3, 3])
    expect(table?.rows.map((row) => row.flatMap((cell) => (cell.covered ? [] : [cell.text])))).toEqual(TABLE_ROWS)
    expect(table?.rows[1]).toEqual([
      { covered: false, text: TABLE_SPANNING, colSpan: 2, rowSpan: 1 },
      { covered: true },
      { covered: false, text: '€ 8 miljoen', colSpan: 1, rowSpan: 1 },
    ])
  })

  it("PDF: each row's cells side by side on one line, the rows in order, tagged as Table, TR, TH and TD", async () => {
    const items = await readPdfItems(rendered.pdf)
    const find = (value: string): PdfTextItem => {
      const item = items.find((candidate) => candidate.text.includes(value))
      if (!item) throw new Error(`"${value}" not in the PDF text`)
      return item
    }
    const rows = TABLE_ROWS.map((row) => row.map(find))
    for (const cells of rows) {
      const [first] = cells
      for (const cell of cells) {
        expect(cell.page).toBe(first?.page)
        expect(cell.y).toBeCloseTo(first?.y ?? 0, 0)
      }
      const xs = cells.map((cell) => cell.x)
      expect([...xs].sort((a, b) => a - b)).toEqual(xs)
    }
    const ys = rows.map((cells) => cells[0]?.y ?? 0)
    expect([...ys].sort((a, b) => b - a)).toEqual(ys)
    // The spanning cell takes two columns: the cell after it stands in the third.
    expect(rows[1]?.[1]?.x).toBeCloseTo(rows[0]?.[2]?.x ?? 0, 0)
    // And in reading order, as a screen reader or a copy gets them.
    const text = (await readPdf(rendered.pdf)).text.replace(/\s+/g, ' ')
    const order = TABLE_ROWS.flat().map((cell) => text.indexOf(cell))
    expect(order.every((at) => at > -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    const raw = new TextDecoder('latin1').decode(rendered.pdf)
    for (const type of ['/Table', '/TR', '/TH', '/TD']) expect(raw).toContain(`/S ${type}\n`)
    expect(raw).toMatch(/\/ColSpan 2\b/)
    expect(raw).toMatch(/\/Scope \/Column\b/)
  })

  it('Markdown: a GFM table that markdown-it reads with th header cells, the pipe escaped', () => {
    const { html, source } = readMarkdown(rendered.md)
    const [table, ...others] = htmlTables(html)
    expect(others).toHaveLength(0)
    // The span is not repeated: the cell it covers stays empty.
    expect(cellTexts(table)).toEqual([TABLE_ROWS[0], [TABLE_SPANNING, '', '€ 8 miljoen'], TABLE_ROWS[2]])
    expect(table?.[0]?.every((cell) => cell.tag === 'th')).toBe(true)
    expect(table?.slice(1).every((row) => row.every((cell) => cell.tag === 'td'))).toBe(true)
    expect(source).toContain('| € 3 miljoen \\| provincie |')
  })

  it('Markdown: a pipe in text, in code or in a link stays inside its cell', async () => {
    const cell = (...content: CanonicalNode[]): CanonicalNode => ({
      type: 'tableCell',
      content: [{ type: 'paragraph', content }],
    })
    const base = sampleDossier()
    const [first] = base.sections
    if (!first) throw new Error('sample has a section')
    const table: CanonicalNode = {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            cell({ type: 'text', text: 'a|b \\| c\\' }),
            cell({ type: 'text', text: 'x|y', marks: [{ type: 'code' }] }),
            cell({ type: 'text', text: 'pijp', marks: [{ type: 'link', attrs: { href: 'https://x.example/a|b' } }] }),
          ],
        },
      ],
    }
    const { html } = readMarkdown(await renderMarkdown({ ...base, sections: [{ ...first, content: [table] }] }))
    const [, row] = htmlTables(html)[0] ?? []
    expect(cellTexts([row ?? []])).toEqual([['a|b \\| c\\', 'x|y', 'pijp']])
    expect(html).toContain('<code>x|y</code>')
    expect(html).toContain('<a href="https://x.example/a%7Cb">pijp</a>')
  })
})

describe('the status and the decisions', () => {
  // The note's `"kosten" <&> baten, *niet* vet` as each format must write it.
  const ESCAPED_NOTE = '&lt;&amp;&gt; baten, *niet* vet'

  it('ODT: the status line on the title page, the note escaped in the XML', () => {
    const content = readOdt(rendered.odt).files['content.xml'] ?? ''
    expect(content).toContain('<text:span text:style-name="T_b">Status: </text:span>Vastgesteld</text:p>')
    expect(content).toContain(ESCAPED_NOTE)
    expect(content).not.toContain('<&>')
  })

  it('DOCX: the note escaped in the XML', () => {
    const xml = unzip(rendered.docx)['word/document.xml'] ?? ''
    expect(xml).toContain(`&quot;kosten&quot; ${ESCAPED_NOTE}`)
    expect(xml).not.toContain('<&>')
  })

  it('Markdown: the note escaped, no emphasis or HTML from it', () => {
    const { source, html, text } = readMarkdown(rendered.md)
    expect(source).toContain('Status: Vastgesteld\\\n')
    expect(source).toContain('"kosten" \\<\\&\\> baten, \\*niet\\* vet')
    expect(html).not.toContain('<em>niet')
    expect(text).toContain(SUBMISSION_NOTE)
  })

  it('PDF: the status a paragraph of the title page, the decisions a tagged list under an H1', async () => {
    const elements = await readPdfElements(rendered.pdf)
    expect(elements).toContainEqual({
      role: 'P',
      page: 1,
      text: 'Status: Vastgesteld',
      alt: null,
      within: ['Document'],
    })
    const heading = elements.findIndex((e) => e.role === 'H1' && e.text === 'Besluitvorming')
    expect(heading).toBeGreaterThan(-1)
    const decisions = elements.slice(heading).filter((e) => e.within.join('/') === 'Document/L/LI/LBody')
    expect(decisions.slice(0, DECISION_LINES.length).map((e) => flat(e.text))).toEqual(DECISION_LINES)
  })
})
