// How the DOCX and ODT look once opened, beyond their text: the defects found when they were first
// opened in LibreOffice 7.4 (heading sizes, page footers, code, list numbers, quotations, table cells,
// the ODT's page), each checked in the XML that Word or LibreOffice lays out; and one in the PDF (a code
// run on the baseline of the text around it).
import type { CanonicalNode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { BODY_SIZE_PT, LIST_INDENT_CM, TEXT_WIDTH_CM } from './odfStyles.ts'
import { readOdtParagraphs, readOdtStyle, readPdfItems, unzip } from './testing/readBack.ts'
import { HASH_LOCKED } from './testing/sampleDossier.ts'
import { cell, dossierWith, item, p, renderedInEveryFormat } from './testing/testDossiers.ts'

const TITLE = 'Ontwikkelperspectief De Peel'
const text = (value: string, ...marks: string[]): CanonicalNode =>
  marks.length > 0
    ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) }
    : { type: 'text', text: value }
const heading = (level: number, value: string): CanonicalNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
})

const QUOTED = 'Een citaat direct na een lijst'
const CELL_TEXT = 'Tekst in een cel'
const CODE_TEXT = 'code_in_de_zin'

/** Headings of every level under the section's own, a list past ten, a quotation right after it, a table. */
const CONTENT: CanonicalNode[] = [
  heading(1, 'Kop twee'),
  heading(2, 'Kop drie'),
  heading(3, 'Kop vier'),
  heading(4, 'Kop vijf'),
  heading(5, 'Kop zes'),
  { type: 'paragraph', content: [text('Gewoon, '), text('vet', 'bold'), text(' en '), text(CODE_TEXT, 'code')] },
  {
    type: 'orderedList',
    attrs: { start: 1 },
    content: Array.from({ length: 12 }, (_, i) => item(p(`Stap ${i + 1}`))),
  },
  { type: 'blockquote', content: [p(QUOTED), p('Tweede alinea van het citaat'), { type: 'horizontalRule' }] },
  {
    type: 'table',
    content: [
      { type: 'tableRow', content: [cell(p(CELL_TEXT)), cell(p('Tweede alinea'), p('in dezelfde cel')), cell()] },
    ],
  },
]

const rendered = renderedInEveryFormat(() => dossierWith(CONTENT, {}))

/** A DOCX part's paragraphs (w:p), each with its properties and text. */
function paragraphs(xml: string): { readonly xml: string; readonly text: string }[] {
  return [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([body]) => ({
    xml: body,
    text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }))
}

/** A DOCX style's XML by its id. */
function docxStyle(styles: string, id: string): string {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>([\\s\\S]*?)</w:style>`).exec(styles)?.[1] ?? ''
}

const halfPoints = (xml: string) => Number(/<w:sz w:val="(\d+)"\/>/.exec(xml)?.[1] ?? Number.NaN)

describe('DOCX in Word and LibreOffice', () => {
  it('bug: Heading4–6 had no size and came out larger than Heading3; each level is now bold, kept with the next, smaller than the one above', () => {
    const styles = unzip(rendered.docx)['word/styles.xml'] ?? ''
    const sizes = [1, 2, 3, 4, 5, 6].map((level) => {
      const style = docxStyle(styles, `Heading${level}`)
      expect(style, `Heading${level}`).toMatch(/<w:b\/>/)
      expect(style, `Heading${level}`).toMatch(/<w:keepNext\/>/)
      expect(style, `Heading${level}`).toMatch(/<w:keepLines\/>/)
      expect(style, `Heading${level}`).not.toMatch(/<w:i\/>/)
      return halfPoints(style)
    })
    for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThan(sizes[i - 1] ?? 0)
    // The smallest heading is still not smaller than the body text (11 pt).
    expect(sizes.at(-1)).toBeGreaterThanOrEqual(22)
    // The dossier uses all six.
    const xml = unzip(rendered.docx)['word/document.xml'] ?? ''
    for (const level of [1, 2, 3, 4, 5, 6]) expect(xml).toContain(`<w:pStyle w:val="Heading${level}"/>`)
  })

  it('bug: every run said w:b, w:i and w:strike "false", cancelling its style; a mark is written only when set', () => {
    const xml = unzip(rendered.docx)['word/document.xml'] ?? ''
    expect(xml).not.toMatch(/<w:(b|i|strike|u) w:val="(false|0|off)"\/>/)
    const bold = paragraphs(xml).find((paragraph) => paragraph.text.startsWith('Gewoon, vet'))
    expect(bold?.xml).toMatch(/<w:r><w:rPr><w:b\/><w:bCs\/>[\s\S]*?<w:t[^>]*>vet<\/w:t>/)
  })

  it('bug: no page footer; every page but the title page says "<title> — Pagina N van M" with PAGE and NUMPAGES fields, as the PDF', () => {
    const files = unzip(rendered.docx)
    const xml = files['word/document.xml'] ?? ''
    const rels = files['word/_rels/document.xml.rels'] ?? ''
    const sectPr = /<w:sectPr>[\s\S]*?<\/w:sectPr>/.exec(xml)?.[0] ?? ''
    expect(sectPr).toContain('<w:titlePg/>')
    const footer = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"/>`).exec(sectPr)?.[1]
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]
      return files[`word/${target}`] ?? ''
    }
    // Text and fields in reading order, a field as {INSTRUCTION}.
    const pieces = (part: string) =>
      [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)]
        .map(([, t, field]) => (field === undefined ? t : `{${field.trim()}}`))
        .join('')
    expect(pieces(footer('default'))).toBe(`${TITLE} — Pagina {PAGE} van {NUMPAGES}`)
    expect(footer('first')).toMatch(/<w:ftr\b/)
    expect(pieces(footer('first'))).toBe('')
    // In the footer style: small and centred, which LibreOffice also applies to the fields.
    expect(footer('default')).toContain('<w:pStyle w:val="Footer"/>')
    expect(halfPoints(docxStyle(files['word/styles.xml'] ?? '', 'Footer'))).toBe(16)
  })

  it('PDF: the footer the DOCX copies, on every page but the title page', async () => {
    const items = await readPdfItems(rendered.pdf)
    const footers = items.filter((i) => i.text.startsWith(`${TITLE} — Pagina`))
    const pages = Math.max(...items.map((i) => i.page))
    expect(footers.map((i) => i.page)).toEqual(Array.from({ length: pages - 1 }, (_, n) => n + 2))
    expect(footers[0]?.text).toBe(`${TITLE} — Pagina 2 van ${pages}`)
  })

  it('bug: numbers from 10 ran into their text; an ordered list leaves 1 cm from number to text', () => {
    const numbering = unzip(rendered.docx)['word/numbering.xml'] ?? ''
    const ordered = [...numbering.matchAll(/<w:abstractNum\b[\s\S]*?<\/w:abstractNum>/g)]
      .map(([list]) => list)
      .filter((list) => list.includes('<w:numFmt w:val="decimal"/>'))
    expect(ordered.length).toBeGreaterThan(0)
    for (const list of ordered) {
      const hanging = [...list.matchAll(/w:hanging="(\d+)"/g)].map((m) => Number(m[1]))
      expect(hanging).toHaveLength(9)
      for (const twips of hanging) expect(twips).toBeGreaterThanOrEqual(567)
    }
  })

  it('bug: code was body size, so a sha256 hash broke mid-string; code runs are smaller and a hash fits a list line', () => {
    const files = unzip(rendered.docx)
    const xml = files['word/document.xml'] ?? ''
    const codeRun = (value: string) =>
      [...xml.matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*<\/w:r>/g)]
        .map(([run]) => run)
        .find((run) => run.includes(`>${value}</w:t>`))
    const inline = codeRun(CODE_TEXT)
    expect(inline).toContain('w:ascii="Courier New"')
    expect(halfPoints(inline ?? '')).toBeLessThanOrEqual(20)
    // The appendix's ledger: a hash on its own line in a list item of the first level.
    const hash = codeRun(HASH_LOCKED) ?? ''
    const size = halfPoints(hash) / 2
    const page = /<w:pgSz w:w="(\d+)"/.exec(xml)?.[1]
    const margins = /<w:pgMar [^>]*w:right="(\d+)"[^>]*w:left="(\d+)"/.exec(xml)
    const listIndent = /<w:lvl w:ilvl="0"[^>]*>[\s\S]*?<w:ind w:left="(\d+)"/.exec(files['word/numbering.xml'] ?? '')
    const lineWidth = (Number(page) - Number(margins?.[1]) - Number(margins?.[2]) - Number(listIndent?.[1])) / 20
    // Courier New (and LibreOffice's stand-in, Liberation Mono) advances 0.6 em per character.
    expect(HASH_LOCKED.length * 0.6 * size).toBeLessThan(lineWidth)
  })

  it('bug: a quotation was only indented and read as part of the list item above it; its paragraphs carry a bar at the left', () => {
    const list = paragraphs(unzip(rendered.docx)['word/document.xml'] ?? '')
    const quoted = list.filter((paragraph) => /<w:pBdr><w:left w:val="single"/.test(paragraph.xml))
    expect(quoted.map((paragraph) => paragraph.text)).toEqual([QUOTED, 'Tweede alinea van het citaat'])
    // A rule in the quotation is its line alone (one w:pBdr a paragraph), indented as the quotation.
    const rule = list[list.findIndex((paragraph) => paragraph.text === 'Tweede alinea van het citaat') + 1]
    expect(rule?.xml).toMatch(/<w:pBdr><w:bottom [^>]*\/><\/w:pBdr><w:ind w:left="720"\/>/)
    const before = list[list.findIndex((paragraph) => paragraph.text === QUOTED) - 1]
    expect(before?.text).toBe('Stap 12')
    expect(before?.xml).not.toContain('<w:pBdr>')
  })

  it('table cells: no space under the text of a cell', () => {
    const xml = unzip(rendered.docx)['word/document.xml'] ?? ''
    const cells = [...xml.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map(([tc]) => tc)
    const ours = cells.filter((tc) => tc.includes(CELL_TEXT) || tc.includes('in dezelfde cel'))
    expect(ours).toHaveLength(2)
    // And the empty cell after them: its paragraph, which every cell must end with, as well.
    const empty = cells[cells.indexOf(ours[1] ?? '') + 1] ?? ''
    for (const tc of [...ours, empty]) {
      const inCell = paragraphs(tc)
      expect(inCell.length).toBeGreaterThan(0)
      for (const paragraph of inCell) expect(paragraph.xml).toContain('<w:spacing w:after="0"/>')
    }
  })
})

describe('DOCX: a list in a quotation', () => {
  const inQuote = renderedInEveryFormat(() =>
    dossierWith(
      [
        {
          type: 'blockquote',
          content: [
            p('Het citaat begint met tekst'),
            {
              type: 'bulletList',
              content: [
                item(p('Punt een'), { type: 'bulletList', content: [item(p('Punt dieper'))] }),
                item(p('Punt twee')),
              ],
            },
            { type: 'orderedList', attrs: { start: 1 }, content: [item(p('Stap een'))] },
          ],
        },
        { type: 'bulletList', content: [item(p('Buiten het citaat'))] },
      ],
      {},
    ),
  )

  it('bug: a list in a quotation had no bar and stood at the page margin; it carries the bar and stands in by the quotation', () => {
    const list = paragraphs(unzip(inQuote.docx)['word/document.xml'] ?? '')
    const at = (value: string) => list.find((paragraph) => paragraph.text === value)?.xml ?? ''
    for (const value of ['Het citaat begint met tekst', 'Punt een', 'Punt dieper', 'Punt twee', 'Stap een'])
      expect(at(value), value).toContain('<w:pBdr><w:left ')
    // A first-level bullet or number stands where the quotation's text starts (720), its text a hanging
    // further; a deeper level half an inch further, its bar moved out to the quotation's by its space.
    expect(at('Punt een')).toContain('<w:ind w:left="1080" w:hanging="360"/>')
    expect(at('Punt dieper')).toContain('<w:ind w:left="1800" w:hanging="360"/>')
    expect(at('Stap een')).toContain('<w:ind w:left="1287" w:hanging="567"/>')
    expect(at('Punt een')).toContain('w:space="6"')
    expect(at('Punt dieper')).toContain('w:space="31"')
    // Outside the quotation the numbering's own indent stands, without a bar.
    expect(at('Buiten het citaat')).not.toContain('<w:pBdr>')
    expect(at('Buiten het citaat')).not.toContain('<w:ind ')
  })
})

describe('ODT in LibreOffice', () => {
  it('bug: inline code was not monospace; content.xml declares the fonts its automatic styles name', () => {
    const content = unzip(rendered.odt)['content.xml'] ?? ''
    const declared = /<office:font-face-decls>([\s\S]*?)<\/office:font-face-decls>/.exec(content)?.[1] ?? ''
    const faces = new Set([...declared.matchAll(/<style:font-face style:name="([^"]+)"/g)].map((m) => m[1]))
    const named = new Set([...content.matchAll(/style:font-name="([^"]+)"/g)].map((m) => m[1]))
    expect(named).toContain('Liberation Mono')
    for (const name of named) expect(faces, `font ${name}`).toContain(name)
    // In the order ODF wants: the declarations before the automatic styles.
    expect(content.indexOf('<office:font-face-decls>')).toBeLessThan(content.indexOf('<office:automatic-styles>'))
    expect(declared).toMatch(/style:name="Liberation Mono"[^>]*style:font-pitch="fixed"/)
  })

  it('bug: inline code kept the size of its paragraph, so a sha256 hash in a list item broke before its end; code is 1.5 pt smaller', () => {
    const content = unzip(rendered.odt)['content.xml'] ?? ''
    const sizeOfCode = (value: string): number => {
      const style = new RegExp(`<text:span text:style-name="([^"]+)">${value}</text:span>`).exec(content)?.[1]
      const properties = new RegExp(`<style:style style:name="${style}"[^>]*><style:text-properties ([^>]*)/>`).exec(
        content,
      )?.[1]
      expect(properties, `the style of ${value}`).toContain('style:font-name="Liberation Mono"')
      return Number(/fo:font-size="([\d.]+)pt"/.exec(properties ?? '')?.[1])
    }
    expect(sizeOfCode(CODE_TEXT)).toBe(BODY_SIZE_PT - 1.5)
    // The appendix's ledger: the hash in a list item of the first level fits its line.
    const size = sizeOfCode(HASH_LOCKED)
    const lineWidth = ((TEXT_WIDTH_CM - 2 * LIST_INDENT_CM) / 2.54) * 72
    expect(HASH_LOCKED.length * 0.6 * size).toBeLessThan(lineWidth)
  })

  it('bug: the footer stood on the text, showed on the title page and lacked "van M"; paragraphs kept no widows or orphans', () => {
    const files = unzip(rendered.odt)
    const styles = files['styles.xml'] ?? ''
    const layout = /<style:page-layout style:name="pm1">([\s\S]*?)<\/style:page-layout>/.exec(styles)?.[1] ?? ''
    expect(layout).toMatch(/<style:footer-style><style:header-footer-properties [^>]*fo:min-height="[\d.]+cm"/)
    expect(layout).toMatch(/<style:header-footer-properties [^>]*fo:margin-top="0\.[1-9]\d*cm"/)
    const masters = [...styles.matchAll(/<style:master-page ([^>]*?)(?:\/>|>([\s\S]*?)<\/style:master-page>)/g)]
    const standard = masters.find(([, attributes]) => attributes?.includes('style:name="Standard"'))
    expect(standard?.[2]).toMatch(
      new RegExp(
        `<style:footer><text:p text:style-name="Footer">${TITLE} — Pagina <text:page-number [^>]*>\\d+</text:page-number> van <text:page-count>\\d+</text:page-count></text:p></style:footer>`,
      ),
    )
    // The title page starts a master page of its own, without a footer, followed by the Standard one.
    const [title] = readOdtParagraphs(rendered.odt)
    expect(title?.text).toBe(TITLE)
    const master = /style:master-page-name="([^"]+)"/.exec(
      new RegExp(`<style:style style:name="${title?.style}"[^>]*>`).exec(files['content.xml'] ?? '')?.[0] ?? '',
    )?.[1]
    expect(readOdtStyle(rendered.odt, title?.style ?? '')?.parent).toBe('Title')
    const first = masters.find(([, attributes]) => attributes?.includes(`style:name="${master}"`))
    expect(first?.[1]).toContain('style:next-style-name="Standard"')
    expect(first?.[2] ?? '').not.toContain('<style:footer>')
    // Widows and orphans in the style every paragraph style derives from.
    expect(readOdtStyle(rendered.odt, 'Standard')?.paragraph).toMatchObject({ 'fo:widows': '2', 'fo:orphans': '2' })
  })
})

describe('PDF', () => {
  it('bug: inline code a point smaller sat above the baseline of the text before it; it stands on the same baseline', async () => {
    const items = await readPdfItems(rendered.pdf)
    const before = items.find((i) => i.text.includes('Gewoon,'))
    const code = items.find((i) => i.text.includes(CODE_TEXT))
    expect(code?.font).toBe('DejaVuSansMono')
    expect(code?.size).toBeCloseTo((before?.size ?? 0) - 1, 1)
    expect(code?.page).toBe(before?.page)
    expect(code?.y).toBeCloseTo(before?.y ?? 0, 2)
  })
})
