// The dossier as DOCX (Office Open XML) with the `docx` library, which writes and escapes the XML.
// Headings use Word's built-in heading styles so the navigation pane and a table of contents work (each
// level defined here: the library's own leave Heading4–6 without a size); lists use real numbering and
// tables are Word tables, so a reader can continue editing the file. Images are inline pictures in a
// paragraph of their own, with their alternative text as the description and their caption in Word's
// built-in "Caption" style in the paragraph under them. Every page but the title page has the PDF's
// footer, "<title> — Pagina N van M", with Word's page fields.
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  type IBaseParagraphStyleOptions,
  type IBorderOptions,
  type ILevelsOptions,
  ImageRun,
  type IParagraphOptions,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  sectionMarginDefaults,
  sectionPageSizeDefaults,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { type Block, emboldened, type ImageBlock, type Inline } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { imageDescription, LABELS } from './dossierText.ts'
import { imageSize, missingImageInlines, POINTS_PER_PIXEL, uprightImage } from './embeddedImages.ts'
import { sameAddress } from './safeHref.ts'
import { type GridCell, rowCells, tableGrid } from './tableGrid.ts'

export function renderDocx(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, docxWriter(dossier.images), onProgress)
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const

const MONOSPACE = 'Courier New'
/** Half-points: the body text is 11 pt. */
const BODY_SIZE = 22
/**
 * Half-points per heading level: as the ODT's (18, 15, 13, 12 pt), then still decreasing, so that a deeper
 * heading is never larger than a shallower one (the library's own Heading4–6 had no size at all).
 */
const HEADING_SIZES = [36, 30, 26, 24, 23, 22] as const
const HEADING_COLOR = '2E74B5'
/**
 * Code is set 1.5 pt smaller than the text around it (in the body 9.5 pt, as the PDF's code): a
 * "sha256:" hash of 71 characters then fits a list item's line (405 pt of the 415 pt there) instead of
 * breaking mid-string, which it still did at 10 pt.
 */
const CODE_SMALLER = 3 // half-points
const INDENT_PER_LEVEL = 720 // twips: half an inch
/** Twips from a list number to its text: 1 cm, room for "10." to "999." at the body size. */
const NUMBER_HANGING = 567
/** The docx library's own bullet levels: from the bullet to its text, a quarter inch. */
const BULLET_HANGING = 360
/** Word numbering has nine levels (0–8); deeper lists share the last. */
const MAX_LIST_LEVEL = 8
const LANGUAGE = { value: 'nl-NL' }
/** Twips between the page margins: the document uses the library's default page, A4 with 1-inch margins. */
const TEXT_WIDTH = sectionPageSizeDefaults.WIDTH - sectionMarginDefaults.LEFT - sectionMarginDefaults.RIGHT
const TEXT_HEIGHT = sectionPageSizeDefaults.HEIGHT - sectionMarginDefaults.TOP - sectionMarginDefaults.BOTTOM
const TWIPS_PER_POINT = 20
const CELL_MARGIN = { top: 60, bottom: 60, left: 100, right: 100 } // twips
const MIN_COLUMN_WIDTH = 300 // twips: about half a centimetre
const TABLE_BORDER: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '808080' } // size in 1/8 pt
const HEADER_SHADING = { type: 'clear', fill: 'F2F2F2', color: 'auto' } as const
/** The bar at the left of a quotation, as in the ODT and PDF: 1.5 pt grey, 6 pt from the text. */
const QUOTE_BAR = { style: BorderStyle.SINGLE, size: 12, color: 'B0B0B0', space: 6 } as const satisfies IBorderOptions
/** The most points a border may stand from its text (ECMA-376 w:space). */
const MAX_BORDER_SPACE = 31
/**
 * Word's built-in footer style (styleId "Footer", name "footer"), as the PDF's footer: 8 pt, grey, centred.
 * A style, not run properties: LibreOffice shows a field (the page numbers) in its paragraph's style, not
 * in its run's formatting.
 */
const FOOTER_STYLE = {
  id: 'Footer',
  name: 'footer',
  run: { size: 16, color: '555555' },
  paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0 } },
} as const
/**
 * Word's built-in caption style, as Word defines it (styleId "Caption", name "caption", 9 pt italic in
 * the dark blue-grey of its Text 2 colour): Word then recognises it as its own "Bijschrift", and a
 * list of figures can be made from it. Not based on "Normal" as Word's is: the library writes no Normal
 * style (the document defaults stand in for it), and Word ignores a basedOn that names a missing style.
 */
const CAPTION_STYLE = {
  id: 'Caption',
  name: 'caption',
  quickFormat: true,
  run: { italics: true, size: 18, color: '44546A' },
  paragraph: { spacing: { after: 200 } },
} as const

/** What a block becomes in the body or in a table cell. */
type BodyElement = Paragraph | Table

interface Context {
  /** Nesting depth of lists, for the numbering level. */
  readonly listLevel: number
  /** Extra left indent for block quotes. */
  readonly quoteIndent: number
  /** Inside a quotation: its paragraphs carry the bar at their left. */
  readonly inQuote: boolean
  /** Inside a table cell: no space under a paragraph, which the cell's padding gives already. */
  readonly inCell: boolean
  readonly pageBreak: boolean
  /** Twips from the left edge of the page text or table cell to its right edge: what a table may fill. */
  readonly width: number
}

function docxWriter(images: Dossier['images']): DossierWriter {
  const children: BodyElement[] = []
  // Each ordered list restarts at its own start number: one numbering reference per start value, one
  // instance per list.
  const orderedStarts = new Set<number>()
  let orderedInstance = 0
  /** Numbers the pictures: Word wants each drawing's id unique in the document. */
  let imageCount = 0
  let meta = { title: '', senders: '' }

  function elements(block: Block, ctx: Context): BodyElement[] {
    const pageBreakBefore = ctx.pageBreak
    switch (block.kind) {
      case 'heading':
        return [
          new Paragraph({
            heading: HEADINGS[block.level - 1],
            children: runs(block.inlines, HEADING_SIZES[block.level - 1] ?? BODY_SIZE),
            pageBreakBefore,
            ...placed(ctx),
          }),
        ]
      case 'paragraph':
        return [new Paragraph({ children: runs(block.inlines), pageBreakBefore, ...placed(ctx) })]
      case 'code':
        return [
          new Paragraph({
            children: block.text.split('\n').map(
              (line, i) =>
                new TextRun({
                  text: line,
                  font: MONOSPACE,
                  size: BODY_SIZE - CODE_SMALLER,
                  break: i > 0 ? 1 : 0,
                  language: LANGUAGE,
                }),
            ),
            shading: { type: 'clear', fill: 'F2F2F2', color: 'auto' },
            pageBreakBefore,
            ...placed(ctx),
          }),
        ]
      case 'rule':
        // The rule is the paragraph's bottom border; in a quotation it goes without the bar: the library
        // would write the bottom and left borders out of the schema's order (left comes first).
        return [new Paragraph({ thematicBreak: true, pageBreakBefore, ...placed(ctx, false) })]
      case 'quote':
        // A list in the quotation starts at its first level again, from the quotation's indent.
        return block.blocks.flatMap((inner, i) =>
          elements(inner, {
            ...ctx,
            quoteIndent: ctx.quoteIndent + INDENT_PER_LEVEL,
            inQuote: true,
            listLevel: 0,
            pageBreak: ctx.pageBreak && i === 0,
          }),
        )
      case 'list': {
        const level = ctx.listLevel
        let numbering: { reference: string; level: number; instance: number } | null = null
        if (block.ordered) {
          orderedStarts.add(block.start)
          orderedInstance += 1
          numbering = {
            reference: orderedReference(block.start),
            level: Math.min(level, MAX_LIST_LEVEL),
            instance: orderedInstance,
          }
        }
        // In a quotation a first-level number or bullet stands where the quotation's text starts, and the
        // bar runs on beside it: LibreOffice draws a paragraph's left border beside its first line (checked
        // in 7.4; Word not checked), so a deeper level moves its bar out to the quotation's, as far as a
        // border's space reaches.
        const depth = Math.min(level, MAX_LIST_LEVEL)
        const hanging = numbering ? NUMBER_HANGING : BULLET_HANGING
        const inQuotation: Pick<IParagraphOptions, 'indent' | 'border'> =
          ctx.quoteIndent > 0
            ? {
                indent: { left: ctx.quoteIndent + INDENT_PER_LEVEL * depth + hanging, hanging },
                ...(ctx.inQuote
                  ? {
                      border: {
                        left: {
                          ...QUOTE_BAR,
                          space: Math.min(
                            MAX_BORDER_SPACE,
                            QUOTE_BAR.space + (INDENT_PER_LEVEL * depth) / TWIPS_PER_POINT,
                          ),
                        },
                      },
                    }
                  : {}),
              }
            : {}
        const marker = (children: ParagraphChild[], itemIndex: number, keepNext = false) =>
          new Paragraph({
            children,
            ...(numbering ? { numbering } : { bullet: { level: Math.min(level, MAX_LIST_LEVEL) } }),
            pageBreakBefore: ctx.pageBreak && itemIndex === 0,
            ...keepWithNext(keepNext),
            ...inQuotation,
            ...(ctx.inCell ? { spacing: { after: 0 } } : {}),
          })
        // Further blocks of an item sit under the item's text, unnumbered, indented as far as its text.
        const itemBody: Context = {
          ...ctx,
          quoteIndent: ctx.quoteIndent + INDENT_PER_LEVEL * (level + 1),
          pageBreak: false,
        }
        return block.items.flatMap((item, itemIndex) => {
          const [first, ...rest] = item
          // The item's number or bullet sits on its first paragraph, or on its picture when it starts with
          // an image (the numbering indents it as the item's text; a paragraph of its own would leave an
          // empty numbered line above it). An item that starts otherwise (empty, a nested list, a table) gets
          // an empty numbered line so that it still counts. A picture's caption follows as a paragraph of
          // its own: unnumbered, indented as the item's text.
          const head =
            first?.kind === 'paragraph'
              ? [marker(runs(first.inlines), itemIndex)]
              : first?.kind === 'image'
                ? [
                    marker(imageChildren(first, itemBody), itemIndex, first.caption !== null),
                    ...caption(first, itemBody),
                  ]
                : [marker([], itemIndex)]
          const tail = first?.kind === 'paragraph' || first?.kind === 'image' ? rest : item
          return [
            ...head,
            ...tail.flatMap((inner) =>
              // A nested list is numbered a level deeper, from the list's own indent.
              inner.kind === 'list'
                ? elements(inner, { ...ctx, listLevel: level + 1, pageBreak: false })
                : elements(inner, itemBody),
            ),
          ]
        })
      }
      case 'table':
        return table(block.rows, ctx)
      case 'image':
        return image(block, ctx)
    }
  }

  /**
   * An inline picture alone in its paragraph (see imageChildren), then its caption. A captioned picture's
   * paragraph keeps with the next, so that Word never leaves the caption alone at the top of a page.
   */
  function image(block: ImageBlock, ctx: Context): BodyElement[] {
    return [
      new Paragraph({
        children: imageChildren(block, ctx),
        pageBreakBefore: ctx.pageBreak,
        ...keepWithNext(block.caption !== null),
        ...placed(ctx),
      }),
      ...caption(block, ctx),
    ]
  }

  /** An image's caption, when it has one: a paragraph in the Caption style, indented as the image. */
  function caption(block: ImageBlock, ctx: Context): Paragraph[] {
    if (block.caption === null) return []
    return [
      new Paragraph({
        style: CAPTION_STYLE.id,
        children: [new TextRun({ text: block.caption, language: LANGUAGE })],
        ...placed(ctx),
      }),
    ]
  }

  /**
   * What an image puts in its paragraph: an inline picture fitted to the width left at this indent or in
   * this cell (see imageSize), its alternative text as the drawing's description; for one that cannot be
   * shown, the missing-image line's text. A photo's pixels are upright (uprightImage): Word does not
   * apply a JPEG's EXIF orientation.
   */
  function imageChildren(block: ImageBlock, ctx: Context): ParagraphChild[] {
    const found = uprightImage(images, block.src)
    if (!found) return runs(missingImageInlines(block.alt))
    const size = imageSize(found, block, {
      width: (ctx.width - ctx.quoteIndent) / TWIPS_PER_POINT,
      textHeight: TEXT_HEIGHT / TWIPS_PER_POINT,
    })
    try {
      imageCount += 1
      return [
        new ImageRun({
          type: found.format,
          data: found.data,
          // The library takes the size in pixels at 96 dpi.
          transformation: { width: size.width / POINTS_PER_PIXEL, height: size.height / POINTS_PER_PIXEL },
          altText: {
            id: String(imageCount),
            name: `${LABELS.image} ${imageCount}`,
            description: imageDescription(block.alt),
          },
        }),
      ]
    } catch {
      return runs(missingImageInlines(block.alt))
    }
  }

  /**
   * A Word table over the width that is left at this indent, in equal columns. Header rows repeat at
   * the top of each page. A row span is written by the library as a merged cell (w:vMerge) with the
   * continuation cells it inserts in the rows below.
   */
  function table(rows: Extract<Block, { kind: 'table' }>['rows'], ctx: Context): BodyElement[] {
    const grid = tableGrid(rows)
    // A floor for many columns in a narrow cell: Word wants positive widths; the table then runs wider.
    const column = Math.max(Math.floor((ctx.width - ctx.quoteIndent) / grid.columns), MIN_COLUMN_WIDTH)
    const cell = (at: GridCell) => {
      const children = (at.cell.header ? emboldened(at.cell.blocks) : at.cell.blocks).flatMap((inner) =>
        elements(inner, {
          listLevel: 0,
          quoteIndent: 0,
          inQuote: false,
          inCell: true,
          pageBreak: false,
          width: column * at.colSpan - CELL_MARGIN.left - CELL_MARGIN.right,
        }),
      )
      // A cell must end with a paragraph; the library would add one with the document's space under it.
      if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({ spacing: { after: 0 } }))
      return new TableCell({
        children,
        width: { size: column * at.colSpan, type: WidthType.DXA },
        ...(at.colSpan > 1 ? { columnSpan: at.colSpan } : {}),
        ...(at.rowSpan > 1 ? { rowSpan: at.rowSpan } : {}),
        ...(at.cell.header ? { shading: HEADER_SHADING } : {}),
      })
    }
    const out: BodyElement[] = [
      new Table({
        rows: grid.slots.map(
          (_slots, r) =>
            new TableRow({
              // Only where true: some readers (mammoth) take any w:tblHeader, even w:val="false", as a header.
              ...(r < grid.headerRows ? { tableHeader: true } : {}),
              children: rowCells(grid, r).map(cell),
            }),
        ),
        width: { size: column * grid.columns, type: WidthType.DXA },
        columnWidths: new Array<number>(grid.columns).fill(column),
        layout: TableLayoutType.FIXED,
        margins: CELL_MARGIN,
        borders: {
          top: TABLE_BORDER,
          bottom: TABLE_BORDER,
          left: TABLE_BORDER,
          right: TABLE_BORDER,
          insideHorizontal: TABLE_BORDER,
          insideVertical: TABLE_BORDER,
        },
        ...(ctx.quoteIndent > 0 ? { indent: { size: ctx.quoteIndent, type: WidthType.DXA } } : {}),
      }),
      // Word glues two tables that touch into one: a short empty paragraph keeps them apart and gives the
      // table the same gap below it as a paragraph has.
      new Paragraph({ spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT } }),
    ]
    // A table cannot start a page itself: an empty paragraph before it does.
    if (ctx.pageBreak) out.unshift(new Paragraph({ pageBreakBefore: true }))
    return out
  }

  return {
    titlePage(page: TitlePage) {
      meta = { title: page.title, senders: page.senders }
      children.push(
        new Paragraph({
          heading: HeadingLevel.TITLE,
          children: [new TextRun({ text: page.title, language: LANGUAGE })],
        }),
        new Paragraph({ children: [new TextRun({ text: page.kind, bold: true, size: 28, language: LANGUAGE })] }),
        ...page.facts.map(
          (fact) =>
            new Paragraph({
              children: [
                new TextRun({ text: `${fact.label}: `, bold: true, language: LANGUAGE }),
                new TextRun({ text: fact.value, language: LANGUAGE }),
              ],
            }),
        ),
      )
    },
    blocks(blocks, options) {
      blocks.forEach((block, i) => {
        children.push(
          ...elements(block, {
            listLevel: 0,
            quoteIndent: 0,
            inQuote: false,
            inCell: false,
            pageBreak: i === 0 && !!options?.pageBreak,
            width: TEXT_WIDTH,
          }),
        )
      })
    },
    async finish() {
      const doc = new Document({
        title: meta.title,
        creator: meta.senders,
        description: meta.title,
        styles: {
          default: {
            document: {
              run: { font: 'Calibri', size: BODY_SIZE, language: LANGUAGE },
              paragraph: { spacing: { after: 120 } },
            },
            // The library's own heading styles give a size to Heading1–3 only (Heading4 is italic at body
            // size), so a deeper heading came out larger: every level is defined here, bold, decreasing in
            // size, kept with the next paragraph.
            heading1: headingStyle(1),
            heading2: headingStyle(2),
            heading3: headingStyle(3),
            heading4: headingStyle(4),
            heading5: headingStyle(5),
            heading6: headingStyle(6),
          },
          // The library defines no Caption style of its own: without this one Word would show the
          // captions as plain text.
          paragraphStyles: [CAPTION_STYLE, FOOTER_STYLE],
        },
        numbering: {
          config: [...orderedStarts].map((start) => ({
            reference: orderedReference(start),
            levels: orderedLevels(start),
          })),
        },
        sections: [
          {
            // The title page has a footer of its own, empty, as the PDF's title page has none.
            properties: { titlePage: true },
            footers: { default: pageFooter(meta.title), first: new Footer({ children: [new Paragraph({})] }) },
            children,
          },
        ],
      })
      return new Uint8Array(await Packer.toBuffer(doc))
    },
  }
}

/**
 * The paragraph options of where a block stands: a quotation's indent and the bar at its left (Word draws
 * the bars of consecutive paragraphs as one), and in a table cell no space under it.
 */
function placed(ctx: Context, bar = ctx.inQuote): Pick<IParagraphOptions, 'indent' | 'border' | 'spacing'> {
  return {
    ...(ctx.quoteIndent > 0 ? { indent: { left: ctx.quoteIndent } } : {}),
    ...(bar ? { border: { left: QUOTE_BAR } } : {}),
    ...(ctx.inCell ? { spacing: { after: 0 } } : {}),
  }
}

/** A heading style: bold, its level's size, kept with the next paragraph and whole on one page. */
function headingStyle(level: number): IBaseParagraphStyleOptions {
  return {
    run: { bold: true, size: HEADING_SIZES[level - 1] ?? BODY_SIZE, color: HEADING_COLOR },
    paragraph: {
      keepNext: true,
      keepLines: true,
      outlineLevel: level - 1,
      spacing: { before: level === 1 ? 360 : 240, after: 120 },
    },
  }
}

/**
 * The footer of every page but the title page, as the PDF's: "<title> — Pagina N van M", N and M as
 * Word's PAGE and NUMPAGES fields (the title page counts, as in the PDF).
 */
function pageFooter(title: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: FOOTER_STYLE.id,
        children: [
          new TextRun({
            language: LANGUAGE,
            children: [`${title} — ${LABELS.page} `, PageNumber.CURRENT, ` ${LABELS.of} `, PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  })
}

/** Keep-with-next only where wanted: the library writes w:keepNext w:val="false" for false, noise elsewhere. */
function keepWithNext(keep: boolean): { keepNext?: true } {
  return keep ? { keepNext: true } : {}
}

function orderedReference(start: number): string {
  return `ordered-${start}`
}

function orderedLevels(start: number): ILevelsOptions[] {
  // Decimal at every level, as the editor and the other formats show it.
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.START,
    style: { paragraph: { indent: { left: INDENT_PER_LEVEL * (level + 1), hanging: NUMBER_HANGING } } },
  }))
}

/**
 * Text runs in a paragraph of `size` half-points: code in monospace a little smaller. A mark is written
 * only when set: an explicit w:b w:val="false" (or w:i, w:strike) would cancel what the paragraph's style
 * gives, such as a heading's bold.
 */
function runs(inlines: readonly Inline[], size: number = BODY_SIZE): ParagraphChild[] {
  const out: ParagraphChild[] = []
  for (const inline of inlines) {
    if (inline.kind === 'break') {
      out.push(new TextRun({ break: 1 }))
      continue
    }
    const { marks } = inline
    const run = new TextRun({
      text: inline.text,
      language: LANGUAGE,
      ...(marks.bold ? { bold: true } : {}),
      ...(marks.italic ? { italics: true } : {}),
      ...(marks.strike ? { strike: true } : {}),
      ...(marks.underline ? { underline: {} } : {}),
      ...(marks.code ? { font: MONOSPACE, size: size - CODE_SMALLER } : {}),
      ...(inline.href ? { style: 'Hyperlink' } : {}),
    })
    if (!inline.href) {
      out.push(run)
      continue
    }
    out.push(new ExternalHyperlink({ link: inline.href, children: [run] }))
    // On paper a link is only its text: show the address too when the text does not already say it.
    if (!sameAddress(inline.text, inline.href)) {
      out.push(new TextRun({ text: ` (${inline.href})`, language: LANGUAGE }))
    }
  }
  return out
}
