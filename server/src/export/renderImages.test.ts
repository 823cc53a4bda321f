// Images in every format, read back with a reader's software: the sample dossier's map embedded with its
// exact bytes, pixel size and alternative text; a JPEG; a CMYK JPEG (RGB in the PDF); images in a table
// cell and a list item; the sizing rule; and the line that stands in for an image the dossier lacks or
// cannot show.
import { beforeAll, describe, expect, it } from 'vitest'
import { type Dossier, EXPORT_FORMATS } from './dossier.ts'
import { renderDossier } from './renderDossier.ts'
import {
  htmlTables,
  readDocx,
  readDocxHtml,
  readDocxImages,
  readMarkdown,
  readOdtImages,
  readPdf,
  readPdfFigures,
  readPdfImagePixels,
  readPdfImages,
  readPdfItems,
} from './testing/readBack.ts'
import { MAP_ALT, MAP_HEIGHT, MAP_PNG, MAP_SRC, MAP_WIDTH, sampleDossier } from './testing/sampleDossier.ts'
import { cell, dossierWith, flat, item, p, READERS, renderedInEveryFormat, src } from './testing/testDossiers.ts'
import {
  cmykJpeg,
  corruptPng,
  dossierImage,
  type Inks,
  imageNode,
  JPEG_32x16,
  jpegWithOrientation,
  jpegWithScanCut,
  pngImage,
} from './testing/testImages.ts'

/** EMU per point (DOCX extents): 914400 an inch, 72 points an inch. */
const EMU_PER_POINT = 12700
const POINTS_PER_CM = 72 / 2.54
/** The PDF's text width and height: A4 less 64 pt margins. */
const PDF_TEXT_WIDTH = 595.28 - 2 * 64
const PDF_TEXT_HEIGHT = 841.89 - 2 * 64
/** The DOCX's: A4 less 1-inch margins (twips / 20). */
const DOCX_TEXT_WIDTH = (11906 - 2 * 1440) / 20
const DOCX_TEXT_HEIGHT = (16838 - 2 * 1440) / 20
/**
 * The ODT's: 21 × 29.7 cm less 2.2 cm at the sides, 2 and 1.5 cm at the top and bottom, and the footer
 * (0.5 cm and 0.4 cm above it), which LibreOffice puts inside the margins.
 */
const ODT_TEXT_WIDTH = (21 - 2 * 2.2) * POINTS_PER_CM
const ODT_TEXT_HEIGHT = (29.7 - 2 - 1.5 - 0.5 - 0.4) * POINTS_PER_CM

const points = (value: string) => {
  if (!value.endsWith('pt')) throw new Error(`not in points: ${value}`)
  return Number.parseFloat(value)
}

describe("the sample dossier's map", () => {
  const rendered = renderedInEveryFormat(sampleDossier)

  it('PDF: an image XObject of 40×20 pixels drawn at 30×15 pt (96 dpi), tagged as a Figure with the alt text', async () => {
    const images = await readPdfImages(rendered.pdf)
    expect(images).toHaveLength(1)
    expect(images[0]).toMatchObject({ width: MAP_WIDTH, height: MAP_HEIGHT })
    expect(images[0]?.drawnWidth).toBeCloseTo(30, 1)
    expect(images[0]?.drawnHeight).toBeCloseTo(15, 1)
    const figures = await readPdfFigures(rendered.pdf)
    expect(figures).toEqual([{ page: images[0]?.page, alt: MAP_ALT, within: ['Document'] }])
    // After the table and before the quote, as in the section.
    const text = flat((await readPdf(rendered.pdf)).text)
    expect(text.indexOf('provincie')).toBeLessThan(text.indexOf('Als één overheid'))
  })

  it("DOCX: the PNG's exact bytes under word/media, an inline picture of 40×20 px with the alt text as description", async () => {
    const { media, drawings } = readDocxImages(rendered.docx)
    expect(drawings).toHaveLength(1)
    const [drawing] = drawings
    expect(drawing).toMatchObject({ description: MAP_ALT, inTableCell: false })
    expect(drawing?.widthEmu).toBe(30 * EMU_PER_POINT)
    expect(drawing?.heightEmu).toBe(15 * EMU_PER_POINT)
    expect(Object.keys(media)).toEqual([drawing?.part])
    expect(drawing?.part).toMatch(/^word\/media\/[^/]+\.png$/)
    expect(media[drawing?.part ?? '']).toEqual(MAP_PNG)
    // Mammoth, as a reader's converter, finds the picture with its alternative text.
    expect(await readDocxHtml(rendered.docx)).toMatch(
      /<img alt="Kaart van De Peel: Peelvenen &amp; \*natte\* &lt;natuur&gt;"/,
    )
  })

  it('ODT: the bytes under Pictures/, listed in the manifest, shown by an as-char frame whose title and description are the alt text', () => {
    const { pictures, manifest, frames } = readOdtImages(rendered.odt)
    expect(Object.keys(pictures)).toEqual(['Pictures/afbeelding-1.png'])
    expect(pictures['Pictures/afbeelding-1.png']).toEqual(MAP_PNG)
    expect(manifest['Pictures/afbeelding-1.png']).toBe('image/png')
    expect(frames).toEqual([
      {
        href: 'Pictures/afbeelding-1.png',
        mimeType: 'image/png',
        title: MAP_ALT,
        description: MAP_ALT,
        anchor: 'as-char',
        width: '30.00pt',
        height: '15.00pt',
        within: ['text:p'],
      },
    ])
  })

  it('Markdown: an italic line with the escaped alt text, no image link', () => {
    const { source, html } = readMarkdown(rendered.md)
    expect(source).toContain('\n\n*Afbeelding: Kaart van De Peel: Peelvenen \\& \\*natte\\* \\<natuur\\>*\n\n')
    expect(html).toContain('<p><em>Afbeelding: Kaart van De Peel: Peelvenen &amp; *natte* &lt;natuur&gt;</em></p>')
    expect(html).not.toContain('<img')
    expect(source).not.toContain(MAP_SRC)
  })
})

describe('a JPEG', () => {
  const jpegSrc = src('b2')
  const dossier = () => dossierWith([imageNode(jpegSrc, 'Luchtfoto')], { [jpegSrc]: dossierImage(JPEG_32x16, 32, 16) })

  it('PDF: embedded as a DCT image of 32×16 pixels', async () => {
    const bytes = await renderDossier(dossier(), 'pdf')
    expect(await readPdfImages(bytes)).toMatchObject([{ width: 32, height: 16, drawnWidth: 24 }])
    expect(new TextDecoder('latin1').decode(bytes)).toContain('/Filter /DCTDecode')
    expect((await readPdfFigures(bytes)).map((figure) => figure.alt)).toEqual(['Luchtfoto'])
  })

  it('DOCX and ODT: the exact bytes as a .jpg part with its media type', async () => {
    const docx = readDocxImages(await renderDossier(dossier(), 'docx'))
    expect(docx.drawings).toMatchObject([{ description: 'Luchtfoto', widthEmu: 24 * EMU_PER_POINT }])
    expect(docx.drawings[0]?.part).toMatch(/\.jpg$/)
    expect(docx.media[docx.drawings[0]?.part ?? '']).toEqual(JPEG_32x16)
    const odt = readOdtImages(await renderDossier(dossier(), 'odt'))
    expect(odt.pictures['Pictures/afbeelding-1.jpg']).toEqual(JPEG_32x16)
    expect(odt.manifest['Pictures/afbeelding-1.jpg']).toBe('image/jpeg')
    expect(odt.frames).toMatchObject([{ mimeType: 'image/jpeg', description: 'Luchtfoto', width: '24.00pt' }])
  })
})

/** Three bands of 16 pixels: cyan ink, black ink, no ink (paper white). */
const BANDS: readonly Inks[] = [
  [255, 0, 0, 0],
  [0, 0, 0, 255],
  [0, 0, 0, 0],
]
const bands = (blockX: number): Inks => BANDS[Math.min(Math.floor(blockX / 2), 2)] ?? [0, 0, 0, 0]
const BAND_RGB = [
  [0, 255, 255],
  [0, 0, 0],
  [255, 255, 255],
] as const

const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes)

/** The colour space and filter of each image XObject in the raw PDF (pdfkit writes their dictionaries uncompressed). */
function imageXObjects(bytes: Uint8Array): { colourSpace: string; filter: string }[] {
  return [...latin1(bytes).matchAll(/<<\n\/Type \/XObject\n\/Subtype \/Image\n([\s\S]*?)>>/g)].map(([, body = '']) => ({
    colourSpace: /\/ColorSpace \/(\w+)/.exec(body)?.[1] ?? '',
    filter: /\/Filter \/(\w+)/.exec(body)?.[1] ?? '',
  }))
}

describe('a CMYK JPEG', () => {
  const cmykSrc = src('c9')
  const dossier = (jpeg: Uint8Array) =>
    dossierWith([p('voor de kaart'), imageNode(cmykSrc, 'Drukwerkkaart'), p('na de kaart')], {
      [cmykSrc]: dossierImage(jpeg, 48, 16),
    })

  it.each([
    ['CMYK, inverted as Adobe writes it', cmykJpeg(48, 16, bands)],
    ['YCCK', cmykJpeg(48, 16, bands, { ycck: true })],
    ['CMYK without the Adobe marker', cmykJpeg(48, 16, bands, { adobe: false })],
  ])(
    'PDF: %s becomes an RGB JPEG (PDF/A-2b with an sRGB output intent forbids DeviceCMYK), same size and colours',
    async (_case, jpeg) => {
      const bytes = await renderDossier(dossier(jpeg), 'pdf')
      // The output intent stays sRGB; the image is a DCT image in DeviceRGB, and nothing is in DeviceCMYK.
      expect(imageXObjects(bytes)).toEqual([{ colourSpace: 'DeviceRGB', filter: 'DCTDecode' }])
      expect(latin1(bytes).includes('/DeviceCMYK')).toBe(false)
      expect(latin1(bytes).includes('/OutputConditionIdentifier (sRGB IEC61966-2.1)')).toBe(true)
      expect(await readPdfImages(bytes)).toMatchObject([{ width: 48, height: 16, drawnWidth: 36, drawnHeight: 12 }])
      expect((await readPdfFigures(bytes)).map((figure) => figure.alt)).toEqual(['Drukwerkkaart'])
      // The colours a viewer shows (pdf.js decodes the JPEG): cyan, black and white, in the middle of each band.
      const [pixels] = await readPdfImagePixels(bytes)
      for (const [band, expected] of BAND_RGB.entries()) {
        const shown = pixels?.rgb(band * 16 + 8, 8) ?? []
        const offBy = Math.max(...expected.map((value, channel) => Math.abs((shown[channel] ?? -99) - value)))
        expect(offBy, `band ${band}: ${shown.join(', ')}`).toBeLessThan(8)
      }
    },
  )

  it('PDF: keeps the EXIF orientation, so it is turned as in the editor', async () => {
    const bytes = await renderDossier(dossier(jpegWithOrientation(cmykJpeg(48, 16, bands), 6)), 'pdf')
    // Turned a quarter: 16 pixels wide and 48 high on the page, 12 × 36 pt.
    const [image] = await readPdfImages(bytes)
    expect(image).toMatchObject({ width: 48, height: 16 })
    expect(image?.boxWidth).toBeCloseTo(12, 1)
    expect(image?.boxHeight).toBeCloseTo(36, 1)
    expect(imageXObjects(bytes)).toEqual([{ colourSpace: 'DeviceRGB', filter: 'DCTDecode' }])
  })

  it('PDF: one whose data cannot be decoded is the missing-image line, and the export goes on', async () => {
    const bytes = await renderDossier(dossier(jpegWithScanCut(cmykJpeg(48, 16, bands), 6)), 'pdf')
    const text = flat((await readPdf(bytes)).text)
    expect(text).toMatch(/voor de kaart.*\[Afbeelding ontbreekt: Drukwerkkaart\].*na de kaart/)
    expect(await readPdfImages(bytes)).toEqual([])
    expect(imageXObjects(bytes)).toEqual([])
  })

  it('DOCX and ODT: the CMYK bytes as they are (Word and LibreOffice show CMYK)', async () => {
    const jpeg = cmykJpeg(48, 16, bands)
    const docx = readDocxImages(await renderDossier(dossier(jpeg), 'docx'))
    expect(docx.media[docx.drawings[0]?.part ?? '']).toEqual(jpeg)
    const odt = readOdtImages(await renderDossier(dossier(jpeg), 'odt'))
    expect(odt.pictures['Pictures/afbeelding-1.jpg']).toEqual(jpeg)
  })
})

const MISSING = {
  otherDocument: 'Kaart van een ander document',
  corrupt: 'Beschadigde kaart',
  corruptTransparent: 'Beschadigde transparante kaart',
  notAnImage: 'Geen plaatje',
  noSrc: 'Kaart zonder adres',
}

/**
 * Images that cannot be shown: one of another document (not in the map), PNGs whose header is fine but
 * whose pixel data is garbage (one with alpha, which pdfkit would decode on a later turn of the event
 * loop, out of reach of any catch), text posing as a PNG, and an image without an address.
 */
function missingDossier(): Dossier {
  const corrupt = src('c3')
  const corruptTransparent = src('d4')
  const notAnImage = src('e5')
  return dossierWith(
    [
      p('voor de kaarten'),
      imageNode('/api/documents/voorstel-noord-brabant/images/'.padEnd(110, 'f'), MISSING.otherDocument),
      imageNode(corrupt, MISSING.corrupt),
      imageNode(corruptTransparent, MISSING.corruptTransparent),
      imageNode(notAnImage, MISSING.notAnImage),
      imageNode(null, MISSING.noSrc),
      imageNode(src('f6'), null),
      p('na de kaarten'),
    ],
    {
      [corrupt]: dossierImage(corruptPng(40, 20), 40, 20),
      [corruptTransparent]: dossierImage(corruptPng(40, 20, { alpha: true }), 40, 20),
      [notAnImage]: {
        mediaType: 'image/png',
        data: new TextEncoder().encode('<svg onload="alert(1)"/>'),
        width: 1,
        height: 1,
      },
    },
  )
}

describe.each(EXPORT_FORMATS)('%s: an image that cannot be shown', (format) => {
  let bytes: Uint8Array = new Uint8Array()
  beforeAll(async () => {
    bytes = await renderDossier(missingDossier(), format)
  }, 60_000)

  it('is the line "[Afbeelding ontbreekt: <alt>]" in its place, and the export succeeds', async () => {
    const text = flat((await READERS[format](bytes)).text)
    const lines = [
      'voor de kaarten',
      ...Object.values(MISSING).map((alt) => `[Afbeelding ontbreekt: ${alt}]`),
      '[Afbeelding ontbreekt]',
      'na de kaarten',
    ]
    const order = lines.map((line) => text.indexOf(line))
    for (const [i, at] of order.entries()) expect(at, lines[i]).toBeGreaterThan(-1)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('embeds nothing in its place', async () => {
    if (format === 'pdf') {
      expect(await readPdfImages(bytes)).toEqual([])
      expect(await readPdfFigures(bytes)).toEqual([])
    } else if (format === 'docx') {
      expect(readDocxImages(bytes)).toEqual({ media: {}, drawings: [] })
    } else if (format === 'odt') {
      const { pictures, manifest, frames } = readOdtImages(bytes)
      expect({ pictures, frames }).toEqual({ pictures: {}, frames: [] })
      expect(Object.keys(manifest).filter((path) => path.startsWith('Pictures/'))).toEqual([])
    } else {
      expect(readMarkdown(bytes).text).not.toContain('Afbeelding:')
    }
  })
})

const CELL_ALT = 'Kaart in een cel'
const LIST_ALT = 'Kaart in een lijst'
const WIDE_SRC = src('a7')
const WIDE = { width: 1200, height: 300 }

/** A wide map in the second cell of a two-column table, and the sample map in a list item. */
function nestedDossier(): Dossier {
  return dossierWith(
    [
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [cell(p('naast de kaart')), cell(imageNode(WIDE_SRC, CELL_ALT))] }],
      },
      {
        type: 'bulletList',
        content: [item(p('lijstpunt met kaart'), imageNode(MAP_SRC, LIST_ALT)), item(p('volgend lijstpunt'))],
      },
    ],
    {
      [WIDE_SRC]: dossierImage(pngImage(WIDE.width, WIDE.height), WIDE.width, WIDE.height),
      [MAP_SRC]: dossierImage(MAP_PNG, MAP_WIDTH, MAP_HEIGHT),
    },
  )
}

describe('an image in a table cell and in a list item', () => {
  it('PDF: Figures inside TD and LBody; the cell image fitted to its cell, the list image indented', async () => {
    const bytes = await renderDossier(nestedDossier(), 'pdf')
    const figures = await readPdfFigures(bytes)
    expect(figures.map(({ alt, within }) => ({ alt, within }))).toEqual([
      { alt: CELL_ALT, within: ['Document', 'Table', 'TR', 'TD'] },
      { alt: LIST_ALT, within: ['Document', 'L', 'LI', 'LBody'] },
    ])
    const [inCell, inList] = await readPdfImages(bytes)
    // Two equal columns over the text width, 5 pt padding on each side of the cell.
    const cellWidth = PDF_TEXT_WIDTH / 2 - 10
    expect(inCell?.drawnWidth).toBeCloseTo(cellWidth, 1)
    expect(inCell?.drawnHeight).toBeCloseTo(cellWidth / 4, 1)
    expect(inCell?.left).toBeCloseTo(64 + PDF_TEXT_WIDTH / 2 + 5, 1)
    expect(inList).toMatchObject({ width: MAP_WIDTH, height: MAP_HEIGHT })
    expect(inList?.left).toBeCloseTo(64 + 18, 1)
  })

  it('DOCX: a picture in the w:tc, fitted to the cell; one under the list item, indented as its text', async () => {
    const bytes = await renderDossier(nestedDossier(), 'docx')
    const { drawings } = readDocxImages(bytes)
    expect(drawings.map(({ description, inTableCell, indent }) => ({ description, inTableCell, indent }))).toEqual([
      { description: CELL_ALT, inTableCell: true, indent: 0 },
      { description: LIST_ALT, inTableCell: false, indent: 720 },
    ])
    // The cell's width less its margins (100 twips each side), in EMU (635 a twip).
    const cellWidth = (Math.floor((11906 - 2 * 1440) / 2) - 200) * 635
    expect(drawings[0]?.widthEmu).toBeLessThanOrEqual(cellWidth + 1)
    expect(drawings[0]?.widthEmu).toBeGreaterThan(cellWidth * 0.99)
    expect(drawings[0]?.heightEmu).toBeCloseTo((drawings[0]?.widthEmu ?? 0) / 4, -3)
    const html = await readDocxHtml(bytes)
    const [table] = htmlTables(html)
    expect(table?.[0]?.[1]?.text).toBe('')
    expect(html).toMatch(/<td><p><img alt="Kaart in een cel"/)
    // The list's picture stands between its item's text and the next item.
    const { xml } = await readDocx(bytes)
    expect(xml.indexOf('lijstpunt met kaart')).toBeLessThan(xml.indexOf('descr="Kaart in een lijst"'))
    expect(xml.indexOf('descr="Kaart in een lijst"')).toBeLessThan(xml.indexOf('volgend lijstpunt'))
  })

  it('DOCX: an item that starts with an image carries its number or bullet on the picture: no empty numbered line', async () => {
    const dossier = dossierWith(
      [
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            item(imageNode(MAP_SRC, 'kaart als eerste')),
            item(p('tekst als eerste')),
            item(imageNode(MAP_SRC, 'kaart met tekst eronder'), p('onder de kaart')),
            item(imageNode(src('0b'), 'ontbrekende kaart')),
          ],
        },
        { type: 'bulletList', content: [item(imageNode(MAP_SRC, 'kaart bij een opsommingsteken'))] },
      ],
      { [MAP_SRC]: dossierImage(MAP_PNG, MAP_WIDTH, MAP_HEIGHT) },
    )
    const bytes = await renderDossier(dossier, 'docx')
    const { xml } = await readDocx(bytes)
    const paragraphs = [...xml.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map(([body]) => ({
      numbered: body.includes('<w:numPr>'),
      picture: /descr="([^"]*)"/.exec(body)?.[1] ?? null,
      text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    }))
    // The section's lists (the appendix after the next section has numbered lines of its own).
    const section = paragraphs.slice(
      0,
      paragraphs.findIndex((paragraph) => paragraph.text.startsWith('2 ')),
    )
    const listed = section.filter((paragraph) => paragraph.numbered)
    expect(listed).toEqual([
      { numbered: true, picture: 'kaart als eerste', text: '' },
      { numbered: true, picture: null, text: 'tekst als eerste' },
      { numbered: true, picture: 'kaart met tekst eronder', text: '' },
      { numbered: true, picture: null, text: '[Afbeelding ontbreekt: ontbrekende kaart]' },
      { numbered: true, picture: 'kaart bij een opsommingsteken', text: '' },
    ])
    // The text under the picture stays in its item, unnumbered and indented as the item's text.
    const under = paragraphs.findIndex((paragraph) => paragraph.text === 'onder de kaart')
    expect(paragraphs[under - 1]?.picture).toBe('kaart met tekst eronder')
    expect(paragraphs[under]?.numbered).toBe(false)
    // Mammoth, as a reader's converter, sees list items that each hold their picture or text.
    const html = await readDocxHtml(bytes)
    expect(html).not.toMatch(/<li><\/li>/)
    expect(html).toMatch(
      /<ol><li><img alt="kaart als eerste"[^>]*><\/li><li>tekst als eerste<\/li><li><img alt="kaart met tekst eronder"/,
    )
    expect(html).toMatch(/<ul><li><img alt="kaart bij een opsommingsteken"[^>]*><\/li><\/ul>/)
  })

  it('ODT: frames inside the table cell (fitted to it) and inside the list item', async () => {
    const { frames, pictures } = readOdtImages(await renderDossier(nestedDossier(), 'odt'))
    expect(frames.map(({ description, within }) => ({ description, within }))).toEqual([
      { description: CELL_ALT, within: ['table:table', 'table:table-row', 'table:table-cell', 'text:p'] },
      { description: LIST_ALT, within: ['text:list', 'text:list-item', 'text:p'] },
    ])
    const cellWidth = ODT_TEXT_WIDTH / 2 - 0.2 * POINTS_PER_CM
    expect(points(frames[0]?.width ?? '')).toBeCloseTo(cellWidth, 1)
    expect(points(frames[0]?.height ?? '')).toBeCloseTo(cellWidth / 4, 1)
    expect(Object.keys(pictures).sort()).toEqual(['Pictures/afbeelding-1.png', 'Pictures/afbeelding-2.png'])
  })

  it('Markdown: the alt line inside the table cell and inside the list item', async () => {
    const { html } = readMarkdown(await renderDossier(nestedDossier(), 'md'))
    const [table] = htmlTables(html)
    expect(table?.[1]?.map((c) => c.text)).toEqual(['naast de kaart', `Afbeelding: ${CELL_ALT}`])
    expect(html).toMatch(
      /<li>\s*<p>lijstpunt met kaart<\/p>\s*<p><em>Afbeelding: Kaart in een lijst<\/em><\/p>\s*<\/li>/,
    )
  })
})

const TALL_SRC = src('b8')
const TALL = { width: 300, height: 1200 }

/**
 * The sizing rule: a wide map at the full text width, a tall one at 60% of the text height, a small one
 * at its own size even where the editor made it larger, and smaller where the editor made it smaller.
 */
function sizesDossier(): Dossier {
  return dossierWith(
    [
      imageNode(WIDE_SRC, 'breed'),
      imageNode(TALL_SRC, 'hoog'),
      imageNode(MAP_SRC, 'vergroot', { width: 400, height: 200 }),
      imageNode(MAP_SRC, 'verkleind', { width: 20 }),
      imageNode(TALL_SRC, 'nog eens hoog'),
    ],
    {
      [WIDE_SRC]: dossierImage(pngImage(WIDE.width, WIDE.height), WIDE.width, WIDE.height),
      [TALL_SRC]: dossierImage(pngImage(TALL.width, TALL.height, { alpha: true }), TALL.width, TALL.height),
      [MAP_SRC]: dossierImage(MAP_PNG, MAP_WIDTH, MAP_HEIGHT),
    },
  )
}

/** Per image of sizesDossier, its expected width in points on a page of this text width and height. */
function expectedWidths(textWidth: number, textHeight: number): number[] {
  const tallWidth = (0.6 * textHeight) / 4
  return [textWidth, tallWidth, 30, 15, tallWidth]
}

describe('the size of an image', () => {
  it('PDF: fitted to the text width and 60% of the text height, never enlarged; a tall one that does not fit goes to the next page', async () => {
    const bytes = await renderDossier(sizesDossier(), 'pdf')
    const images = await readPdfImages(bytes)
    const widths = expectedWidths(PDF_TEXT_WIDTH, PDF_TEXT_HEIGHT)
    expect(images.map((image) => image.drawnWidth)).toEqual(widths.map((width) => expect.closeTo(width, 1)))
    expect(images.map((image) => image.drawnHeight / image.drawnWidth)).toEqual(
      [0.25, 4, 0.5, 0.5, 4].map((ratio) => expect.closeTo(ratio, 2)),
    )
    // The second tall image no longer fits under the first one and the small ones.
    expect(images[4]?.page).toBe((images[1]?.page ?? 0) + 1)
    // The same PNG twice is one image object: three images, and the tall one's transparency (a soft mask).
    const raw = new TextDecoder('latin1').decode(bytes)
    expect(raw.match(/\/Subtype \/Image\n/g)).toHaveLength(4)
    expect(raw.match(/\/SMask \d+ 0 R/g)).toHaveLength(1)
  })

  it('PDF: a heading and a list marker go to the next page with the image below them', async () => {
    const tall = dossierImage(pngImage(TALL.width, TALL.height), TALL.width, TALL.height)
    const dossier = dossierWith(
      [
        imageNode(TALL_SRC, 'eerste'),
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Kaart van het gebied' }] },
        imageNode(TALL_SRC, 'onder de kop'),
        { type: 'bulletList', content: [item(imageNode(TALL_SRC, 'in het lijstpunt'))] },
      ],
      { [TALL_SRC]: tall },
    )
    const bytes = await renderDossier(dossier, 'pdf')
    const images = await readPdfImages(bytes)
    const items = await readPdfItems(bytes)
    const pageOf = (text: string) => items.find((candidate) => candidate.text.trim() === text)?.page
    expect(images.map((image) => image.page)).toEqual([2, 3, 4])
    expect(pageOf('Kaart van het gebied')).toBe(3)
    expect(pageOf('•')).toBe(4)
  })

  it('DOCX: the same sizes in the extents, each drawing with its own id, each PNG once', async () => {
    const { drawings, media } = readDocxImages(await renderDossier(sizesDossier(), 'docx'))
    const widths = expectedWidths(DOCX_TEXT_WIDTH, DOCX_TEXT_HEIGHT)
    // The library rounds a picture to whole pixels (0.75 pt).
    expect(drawings.map((drawing) => drawing.widthEmu / EMU_PER_POINT)).toEqual(
      widths.map((width) => expect.closeTo(width, 0)),
    )
    expect(new Set(drawings.map((drawing) => drawing.id)).size).toBe(drawings.length)
    expect(Object.keys(media)).toHaveLength(3)
  })

  it('ODT: the same sizes in the frames, each picture once', async () => {
    const { frames, pictures } = readOdtImages(await renderDossier(sizesDossier(), 'odt'))
    const widths = expectedWidths(ODT_TEXT_WIDTH, ODT_TEXT_HEIGHT)
    expect(frames.map((frame) => points(frame.width))).toEqual(widths.map((width) => expect.closeTo(width, 1)))
    expect(frames.map((frame) => frame.href)).toEqual([
      'Pictures/afbeelding-1.png',
      'Pictures/afbeelding-2.png',
      'Pictures/afbeelding-3.png',
      'Pictures/afbeelding-3.png',
      'Pictures/afbeelding-2.png',
    ])
    expect(Object.keys(pictures)).toHaveLength(3)
  })
})
