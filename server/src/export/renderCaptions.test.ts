// Image captions in every format, read back with a reader's software: the sample dossier's map with its
// caption right under it (PDF: smaller, italic, a Caption element after the Figure, on the image's page;
// DOCX: Word's Caption style, the picture kept with it; ODT: the Caption style, the frame's paragraph
// kept with it; Markdown: a paragraph after the alt line), and the caption of an image that cannot be
// shown, of one in a list item, a table cell and a quotation.
import { describe, expect, it } from 'vitest'
import { type Dossier, EXPORT_FORMATS } from './dossier.ts'
import { renderDossier } from './renderDossier.ts'
import {
  htmlTables,
  readDocx,
  readDocxHtml,
  readDocxParagraphs,
  readMarkdown,
  readOdtParagraphs,
  readOdtStyle,
  readPdfElements,
  readPdfImages,
  readPdfItems,
  unzip,
} from './testing/readBack.ts'
import {
  MAP_ALT,
  MAP_CAPTION,
  MAP_HEIGHT,
  MAP_PNG,
  MAP_SRC,
  MAP_WIDTH,
  sampleDossier,
} from './testing/sampleDossier.ts'
import { cell, dossierWith, flat, item, p, READERS, renderedInEveryFormat, src } from './testing/testDossiers.ts'
import { dossierImage, imageNode, pngImage } from './testing/testImages.ts'

const MAP_IMAGES = { [MAP_SRC]: dossierImage(MAP_PNG, MAP_WIDTH, MAP_HEIGHT) }

/** Each text's first place in `text`, in the order given: all found, none before the one listed before it. */
function expectInOrder(text: string, parts: readonly string[]): void {
  let from = 0
  for (const part of parts) {
    const at = text.indexOf(part, from)
    expect(at, `"${part}" after position ${from}`).toBeGreaterThan(-1)
    from = at + part.length
  }
}

describe("the sample dossier's map with its caption", () => {
  const rendered = renderedInEveryFormat(sampleDossier)

  it('PDF: the caption is the first text under the image, at its left, on its page, smaller and in italics', async () => {
    const [map] = await readPdfImages(rendered.pdf)
    const items = await readPdfItems(rendered.pdf)
    const caption = items.find((candidate) => candidate.text === MAP_CAPTION)
    expect(caption, 'the caption on one line, as typed').toBeDefined()
    expect(caption?.page).toBe(map?.page)
    expect(caption?.x).toBeCloseTo(map?.left ?? -1, 1)
    // Its baseline a gap and a line's ascent below the image's lower edge: no text in between.
    const below = (map?.bottom ?? 0) - (caption?.y ?? 0)
    expect(below).toBeGreaterThan(0)
    expect(below).toBeLessThan(15)
    const next = items
      .filter((candidate) => candidate.page === map?.page && candidate.y < (map?.bottom ?? 0))
      .sort((a, b) => b.y - a.y)[0]
    expect(next?.text).toBe(MAP_CAPTION)
    expect(caption?.size).toBeCloseTo(9, 1)
    expect(caption?.font).toBe('DejaVuSans-Oblique')
    const body = items.find((candidate) => candidate.text.startsWith('Als één overheid'))
    expect(body?.size).toBeCloseTo(10.5, 1)
  })

  it('PDF: tagged as a Caption element right after the Figure (its sibling: see renderPdf.ts)', async () => {
    const elements = await readPdfElements(rendered.pdf)
    const figure = elements.findIndex((element) => element.role === 'Figure')
    expect(elements[figure]).toMatchObject({ alt: MAP_ALT, within: ['Document'] })
    expect(elements[figure + 1]).toEqual({
      role: 'Caption',
      page: elements[figure]?.page,
      text: MAP_CAPTION,
      alt: null,
      within: ['Document'],
    })
  })

  it('DOCX: a paragraph in the Caption style right after the picture, which keeps with it; the style is defined', async () => {
    const paragraphs = readDocxParagraphs(rendered.docx)
    const picture = paragraphs.findIndex((paragraph) => paragraph.picture === MAP_ALT)
    expect(paragraphs[picture]?.keepNext).toBe(true)
    expect(paragraphs[picture + 1]).toMatchObject({ style: 'Caption', text: MAP_CAPTION, keepNext: false })
    // Only the captioned picture keeps with the next paragraph.
    expect(paragraphs.filter((paragraph) => paragraph.keepNext)).toHaveLength(1)
    const styles = unzip(rendered.docx)['word/styles.xml'] ?? ''
    const caption = /<w:style [^>]*w:styleId="Caption"[^>]*>[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? ''
    expect(caption).toContain('<w:name w:val="caption"/>')
    expect(caption).toMatch(/<w:i\/>|<w:i w:val="true"\/>/)
    expect(caption).toContain('<w:sz w:val="18"/>')
    // Mammoth, as a reader's converter, has the caption as a paragraph after the picture.
    expect(flat((await readDocx(rendered.docx)).text)).toContain(MAP_CAPTION)
  })

  it("ODT: a paragraph in the Caption style right after the frame's, which keeps with it; the style is italic and smaller", () => {
    const paragraphs = readOdtParagraphs(rendered.odt)
    const frame = paragraphs.findIndex((paragraph) => paragraph.frame)
    expect(paragraphs[frame + 1]).toEqual({ style: 'Caption', text: MAP_CAPTION, frame: false, within: [] })
    expect(readOdtStyle(rendered.odt, paragraphs[frame]?.style ?? '')).toMatchObject({
      parent: 'Text_20_body',
      paragraph: { 'fo:keep-with-next': 'always', 'fo:line-height': '100%' },
    })
    expect(readOdtStyle(rendered.odt, 'Caption')).toMatchObject({
      parent: 'Standard',
      text: { 'fo:font-style': 'italic', 'fo:font-size': '9pt' },
    })
  })

  it('Markdown: the caption as a paragraph of its own after the alt line, escaped', () => {
    const { source, html } = readMarkdown(rendered.md)
    expect(source).toContain(
      '*Afbeelding: Kaart van De Peel: Peelvenen \\& \\*natte\\* \\<natuur\\>*\n\n' +
        'Figuur 1. Natte natuur \\& \\*landbouw\\* \\<De Peel\\>. Bron: provincie Noord-Brabant\n\n',
    )
    expect(html).toContain(
      '<p><em>Afbeelding: Kaart van De Peel: Peelvenen &amp; *natte* &lt;natuur&gt;</em></p>\n' +
        '<p>Figuur 1. Natte natuur &amp; *landbouw* &lt;De Peel&gt;. Bron: provincie Noord-Brabant</p>',
    )
  })
})

describe('an image without a caption', () => {
  it('DOCX and ODT: its paragraph keeps with nothing, and no caption paragraph follows', async () => {
    const dossier = dossierWith([imageNode(MAP_SRC, 'zonder bijschrift'), p('gewone tekst')], MAP_IMAGES)
    const docx = readDocxParagraphs(await renderDossier(dossier, 'docx'))
    const picture = docx.findIndex((paragraph) => paragraph.picture === 'zonder bijschrift')
    expect(docx[picture]?.keepNext).toBe(false)
    expect(docx[picture + 1]).toMatchObject({ style: null, text: 'gewone tekst' })
    const odt = await renderDossier(dossier, 'odt')
    const paragraphs = readOdtParagraphs(odt)
    const frame = paragraphs.findIndex((paragraph) => paragraph.frame)
    expect(paragraphs[frame + 1]?.text).toBe('gewone tekst')
    expect(readOdtStyle(odt, paragraphs[frame]?.style ?? '')?.paragraph['fo:keep-with-next']).toBeUndefined()
  })
})

const SPACER_SRC = src('c1')
const SQUARE_SRC = src('c2')
const LONG_CAPTION = `Figuur 7. ${'Zoekgebieden voor woningbouw en natuur in De Peel, '.repeat(9)}Bron: provincie Noord-Brabant`

describe('PDF: an image and its caption stay on one page', () => {
  /**
   * A tall spacer image (60% of the text height) leaves a little over 200 pt at the foot of its page: room
   * for a 195 pt square image, not for the square and its six-line caption.
   */
  const dossier = (caption: string | null) =>
    dossierWith([imageNode(SPACER_SRC, 'hoog'), imageNode(SQUARE_SRC, 'vierkant', caption ? { caption } : {})], {
      [SPACER_SRC]: dossierImage(pngImage(300, 1200), 300, 1200),
      [SQUARE_SRC]: dossierImage(pngImage(260, 260), 260, 260),
    })

  it('the two go to the next page together where the image alone would have fitted', async () => {
    const [spacer, alone] = await readPdfImages(await renderDossier(dossier(null), 'pdf'))
    expect(alone?.page).toBe(spacer?.page)
    const bytes = await renderDossier(dossier(LONG_CAPTION), 'pdf')
    const [, square] = await readPdfImages(bytes)
    expect(square?.page).toBe((spacer?.page ?? 0) + 1)
    const lines = (await readPdfItems(bytes)).filter(
      (candidate) => candidate.font === 'DejaVuSans-Oblique' && LONG_CAPTION.includes(candidate.text.trim()),
    )
    expect(lines.length).toBeGreaterThan(3)
    expect(new Set(lines.map((line) => line.page))).toEqual(new Set([square?.page]))
    expect(flat(lines.map((line) => line.text).join(' '))).toBe(LONG_CAPTION)
    expect(Math.max(...lines.map((line) => line.y))).toBeLessThan(square?.bottom ?? 0)
  })

  it('a heading right above them goes along', async () => {
    // A 100 pt square: the heading's lines and the square fit under the spacer, not with the caption too.
    const small = (caption: string | null) =>
      dossierWith(
        [
          imageNode(SPACER_SRC, 'hoog'),
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kaart met bijschrift' }] },
          imageNode(SQUARE_SRC, 'vierkant', caption ? { caption } : {}),
        ],
        {
          [SPACER_SRC]: dossierImage(pngImage(300, 1200), 300, 1200),
          [SQUARE_SRC]: dossierImage(pngImage(133, 133), 133, 133),
        },
      )
    const [spacer, alone] = await readPdfImages(await renderDossier(small(null), 'pdf'))
    expect(alone?.page).toBe(spacer?.page)
    const bytes = await renderDossier(small(LONG_CAPTION), 'pdf')
    const [, square] = await readPdfImages(bytes)
    const heading = (await readPdfItems(bytes)).find((candidate) => candidate.text === 'Kaart met bijschrift')
    expect(square?.page).toBe((spacer?.page ?? 0) + 1)
    expect(heading?.page).toBe(square?.page)
  })
})

const MISSING_CAPTION = 'Figuur 8. Kaart van een ander document'
const NO_SRC_CAPTION = 'Figuur 9. Alleen een bijschrift'

describe.each(EXPORT_FORMATS)('%s: the caption of an image that cannot be shown', (format) => {
  it('follows the line "[Afbeelding ontbreekt: <alt>]"', async () => {
    const dossier = dossierWith(
      [
        p('voor de kaarten'),
        imageNode('/api/documents/voorstel-noord-brabant/images/'.padEnd(110, 'f'), 'ontbrekende kaart', {
          caption: MISSING_CAPTION,
        }),
        imageNode(null, null, { caption: NO_SRC_CAPTION }),
        p('na de kaarten'),
      ],
      {},
    )
    const text = flat((await READERS[format](await renderDossier(dossier, format))).text)
    expectInOrder(text, [
      'voor de kaarten',
      '[Afbeelding ontbreekt: ontbrekende kaart]',
      MISSING_CAPTION,
      '[Afbeelding ontbreekt]',
      NO_SRC_CAPTION,
      'na de kaarten',
    ])
  })
})

describe('the line of an image that cannot be shown stays on the page of its caption', () => {
  // Regression: the ODT wrote the line in the plain paragraph style, so LibreOffice could put its caption
  // at the top of the next page; a picture's paragraph (and the DOCX's line) already kept with its caption.
  const dossier = () =>
    dossierWith(
      [
        imageNode(src('0c'), 'ontbrekende kaart', { caption: MISSING_CAPTION }),
        { type: 'blockquote', content: [imageNode(src('0d'), 'ontbrekend in een citaat', { caption: 'Figuur 14' })] },
        {
          type: 'bulletList',
          content: [item(p('lijstpunt'), imageNode(src('0e'), 'ontbrekend in een lijst', { caption: 'Figuur 15' }))],
        },
        imageNode(src('0f'), 'ontbrekend zonder bijschrift'),
        p('gewone tekst'),
      ],
      {},
    )

  it("ODT: the line's paragraph keeps with the caption under it, in a variant of the paragraph style there", async () => {
    const odt = await renderDossier(dossier(), 'odt')
    const paragraphs = readOdtParagraphs(odt)
    const line = (alt: string) =>
      paragraphs.findIndex((paragraph) => paragraph.text === `[Afbeelding ontbreekt: ${alt}]`)
    for (const [alt, parent, caption, within] of [
      ['ontbrekende kaart', 'Text_20_body', 'Caption', []],
      ['ontbrekend in een citaat', 'Quotations', 'Cap_quote', []],
      ['ontbrekend in een lijst', 'Text_20_body', 'Caption', ['text:list', 'text:list-item']],
    ] as const) {
      const at = line(alt)
      expect(paragraphs[at]?.within, alt).toEqual(within)
      // Kept with the next paragraph, and otherwise as the paragraphs around it (no image line height).
      expect(readOdtStyle(odt, paragraphs[at]?.style ?? ''), alt).toEqual({
        parent,
        className: null,
        paragraph: { 'fo:keep-with-next': 'always' },
        text: {},
      })
      expect(paragraphs[at + 1]?.style, alt).toBe(caption)
    }
    // Without a caption it keeps with nothing: the plain paragraph style.
    const alone = line('ontbrekend zonder bijschrift')
    expect(paragraphs[alone]?.style).toBe('Text_20_body')
    expect(paragraphs[alone + 1]?.text).toBe('gewone tekst')
  })

  it("DOCX: the line's paragraph keeps with the caption (w:keepNext), as a picture's does", async () => {
    const paragraphs = readDocxParagraphs(await renderDossier(dossier(), 'docx'))
    const line = (alt: string) => paragraphs.find((paragraph) => paragraph.text === `[Afbeelding ontbreekt: ${alt}]`)
    expect(line('ontbrekende kaart')?.keepNext).toBe(true)
    expect(line('ontbrekend in een citaat')?.keepNext).toBe(true)
    expect(line('ontbrekend in een lijst')?.keepNext).toBe(true)
    expect(line('ontbrekend zonder bijschrift')?.keepNext).toBe(false)
  })
})

const CELL_CAPTION = 'Figuur 10. In de cel'
const LIST_CAPTION = 'Figuur 11. In het lijstpunt'
const QUOTE_CAPTION = 'Figuur 12. In het citaat'
const WIDE_SRC = src('c3')

/** A captioned map in a table cell, in a list item (after its text) and in a quotation. */
function nestedDossier(): Dossier {
  return dossierWith(
    [
      {
        type: 'table',
        content: [
          {
            type: 'tableRow',
            content: [
              cell(p('naast de kaart')),
              cell(imageNode(WIDE_SRC, 'kaart in een cel', { caption: CELL_CAPTION })),
            ],
          },
        ],
      },
      {
        type: 'bulletList',
        content: [
          item(p('lijstpunt met kaart'), imageNode(MAP_SRC, 'kaart in een lijst', { caption: LIST_CAPTION })),
          item(p('volgend lijstpunt')),
        ],
      },
      {
        type: 'blockquote',
        content: [imageNode(MAP_SRC, 'kaart in een citaat', { caption: QUOTE_CAPTION }), p('tekst in het citaat')],
      },
    ],
    { ...MAP_IMAGES, [WIDE_SRC]: dossierImage(pngImage(1200, 300), 1200, 300) },
  )
}

describe.each(EXPORT_FORMATS)('%s: the caption of an image in a table cell, a list item and a quotation', (format) => {
  it('comes along, in its place', async () => {
    const text = flat((await READERS[format](await renderDossier(nestedDossier(), format))).text)
    expectInOrder(text, [CELL_CAPTION, 'lijstpunt met kaart', LIST_CAPTION, 'volgend lijstpunt'])
    expectInOrder(text, [QUOTE_CAPTION, 'tekst in het citaat'])
  })
})

describe('the caption of an image in a table cell, a list item and a quotation', () => {
  it('PDF: a Caption after each Figure, inside the TD, the LBody and the BlockQuote', async () => {
    const elements = await readPdfElements(await renderDossier(nestedDossier(), 'pdf'))
    const after = elements.flatMap((element, i) =>
      element.role === 'Figure' ? [{ figure: element.alt, next: elements[i + 1] }] : [],
    )
    expect(
      after.map(({ figure, next }) => ({ figure, role: next?.role, text: next?.text, within: next?.within })),
    ).toEqual([
      { figure: 'kaart in een cel', role: 'Caption', text: CELL_CAPTION, within: ['Document', 'Table', 'TR', 'TD'] },
      { figure: 'kaart in een lijst', role: 'Caption', text: LIST_CAPTION, within: ['Document', 'L', 'LI', 'LBody'] },
      { figure: 'kaart in een citaat', role: 'Caption', text: QUOTE_CAPTION, within: ['Document', 'BlockQuote'] },
    ])
  })

  it('DOCX: the caption paragraphs in the cell, under the item indented as its text, and in the quotation', async () => {
    const paragraphs = readDocxParagraphs(await renderDossier(nestedDossier(), 'docx'))
    const captionAfter = (alt: string) => paragraphs[paragraphs.findIndex((paragraph) => paragraph.picture === alt) + 1]
    expect(captionAfter('kaart in een cel')).toMatchObject({ style: 'Caption', text: CELL_CAPTION, inTableCell: true })
    expect(captionAfter('kaart in een lijst')).toMatchObject({
      style: 'Caption',
      text: LIST_CAPTION,
      numbered: false,
      indent: 720,
    })
    expect(captionAfter('kaart in een citaat')).toMatchObject({ style: 'Caption', text: QUOTE_CAPTION, indent: 720 })
    const [table] = htmlTables(await readDocxHtml(await renderDossier(nestedDossier(), 'docx')))
    expect(table?.[0]?.[1]?.text).toBe(CELL_CAPTION)
  })

  it('ODT: the caption paragraphs in the cell, in the list item and in the quotation (indented as it is)', async () => {
    const odt = await renderDossier(nestedDossier(), 'odt')
    const paragraphs = readOdtParagraphs(odt)
    const captions = paragraphs.filter((_paragraph, i) => paragraphs[i - 1]?.frame)
    expect(captions).toEqual([
      {
        style: 'Caption',
        text: CELL_CAPTION,
        frame: false,
        within: ['table:table', 'table:table-row', 'table:table-cell'],
      },
      { style: 'Caption', text: LIST_CAPTION, frame: false, within: ['text:list', 'text:list-item'] },
      { style: 'Cap_quote', text: QUOTE_CAPTION, frame: false, within: [] },
    ])
    const quote = readOdtStyle(odt, 'Quotations')
    expect(readOdtStyle(odt, 'Cap_quote')).toEqual({
      parent: 'Caption',
      className: null,
      paragraph: {
        'fo:margin-left': quote?.paragraph['fo:margin-left'],
        'fo:border-left': quote?.paragraph['fo:border-left'],
        'fo:padding-left': quote?.paragraph['fo:padding-left'],
      },
      text: {},
    })
  })

  it('Markdown: the caption joins the cell, and is a paragraph of the list item and of the quotation', async () => {
    const { html, source } = readMarkdown(await renderDossier(nestedDossier(), 'md'))
    const [table] = htmlTables(html)
    expect(table?.[1]?.map((c) => c.text)).toEqual(['naast de kaart', `Afbeelding: kaart in een cel · ${CELL_CAPTION}`])
    expect(html).toMatch(
      /<li>\s*<p>lijstpunt met kaart<\/p>\s*<p><em>Afbeelding: kaart in een lijst<\/em><\/p>\s*<p>Figuur 11\. In het lijstpunt<\/p>\s*<\/li>/,
    )
    expect(source).toContain(`> *Afbeelding: kaart in een citaat*\n>\n> ${QUOTE_CAPTION}\n`)
  })
})

describe('DOCX: a list item that starts with a captioned image', () => {
  it('carries its number on the picture only: the caption under it is unnumbered, the next item numbered', async () => {
    const dossier = dossierWith(
      [
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            item(
              imageNode(MAP_SRC, 'kaart als eerste', { caption: 'Figuur 13. Het eerste punt' }),
              p('onder het bijschrift'),
            ),
            item(p('tweede punt')),
          ],
        },
      ],
      MAP_IMAGES,
    )
    const paragraphs = readDocxParagraphs(await renderDossier(dossier, 'docx'))
    const first = paragraphs.findIndex((paragraph) => paragraph.picture === 'kaart als eerste')
    expect(
      paragraphs.slice(first, first + 4).map(({ numbered, keepNext, style, picture, text, indent }) => ({
        numbered,
        keepNext,
        style,
        picture,
        text,
        indent,
      })),
    ).toEqual([
      { numbered: true, keepNext: true, style: 'ListParagraph', picture: 'kaart als eerste', text: '', indent: 0 },
      {
        numbered: false,
        keepNext: false,
        style: 'Caption',
        picture: null,
        text: 'Figuur 13. Het eerste punt',
        indent: 720,
      },
      { numbered: false, keepNext: false, style: null, picture: null, text: 'onder het bijschrift', indent: 720 },
      { numbered: true, keepNext: false, style: 'ListParagraph', picture: null, text: 'tweede punt', indent: 0 },
    ])
  })
})
