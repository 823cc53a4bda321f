// The dossier as ODT (OpenDocument Text, the open standard for revisable documents). No maintained npm
// library writes ODT for Node, so this builds content.xml with xmlbuilder2 (which escapes every text
// and attribute) and odfPackage.ts zips it with the styles and the images (Pictures/, each once). An
// image's caption is a paragraph in the Caption style right under it.
import { create } from 'xmlbuilder2'
import { type Block, emboldened, type ImageBlock, type Inline, type InlineMarks } from './contentBlocks.ts'
import type { Dossier } from './dossier.ts'
import { type DossierWriter, type OnProgress, type TitlePage, writeDossier } from './dossierLayout.ts'
import { imageDescription, LABELS } from './dossierText.ts'
import {
  type EmbeddableImage,
  imageSize,
  missingImageBlock,
  missingImageInlines,
  uprightImage,
} from './embeddedImages.ts'
import { namespaceAttributes, ODF_NS, ODF_VERSION } from './odfNamespaces.ts'
import { type OdtPicture, odtPackage } from './odfPackage.ts'
import {
  BODY_SIZE_PT,
  CELL_PADDING_CM,
  fontFaceDecls,
  headingSizePt,
  headingStyle,
  IMAGE_FRAME_STYLE,
  type ImageParagraphStyle,
  imageStyles,
  LIST_INDENT_CM,
  MONO,
  ODF_STYLE,
  QUOTE_CAPTION_STYLE,
  QUOTE_INDENT_CM,
  quoteCaptionStyle,
  TABLE_BREAK_STYLE,
  TEXT_HEIGHT_CM,
  TEXT_WIDTH_CM,
  TITLE_PAGE_STYLE,
  tableColumnStyle,
  tableStyles,
  titlePageStyle,
  type XmlNode,
} from './odfStyles.ts'
import { sameAddress } from './safeHref.ts'
import { type GridSlot, tableGrid } from './tableGrid.ts'
import { xmlLiteral } from './xmlLiteral.ts'

export function renderOdt(dossier: Dossier, onProgress?: OnProgress): Promise<Uint8Array> {
  return writeDossier(dossier, odtWriter(dossier.generatedAt, dossier.images), onProgress)
}

interface Context {
  /** The paragraph style for plain paragraphs here (body text, or quotation inside a quote). */
  readonly paragraphStyle: string
  readonly pageBreak: boolean
  /** Inside a list item, which ODF lets hold paragraphs, headings and lists, but no table. */
  readonly inList: boolean
  /** Nesting depth of lists: each level indents further. */
  readonly listLevel: number
  /** Points from the left of the text here to its right edge: what an image may fill. */
  readonly width: number
}

const POINTS_PER_CM = 72 / 2.54

function odtWriter(createdAt: number, images: Dossier['images']): DossierWriter {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ODF_NS.office, 'office:document-content', {
    ...namespaceAttributes('style', 'text', 'table', 'fo', 'xlink', 'draw', 'svg'),
    'office:version': ODF_VERSION,
  })
  fontFaceDecls(root)
  // Automatic styles come before the body in the file but are only known while writing it: this element
  // is filled at the end.
  const automatic = root.ele('office:automatic-styles')
  const body = root.ele('office:body').ele('office:text')
  const markStyles = new Set<string>()
  const breakStyles = new Set<string>()
  /** Column counts of the tables written, one column style each. */
  const tableColumns = new Set<number>()
  let tableCount = 0
  /** Each image once under Pictures/, by src, however often the dossier shows it. */
  const pictures = new Map<string, OdtPicture>()
  /** The paragraph styles holding an image, by name. */
  const imageParagraphStyles = new Map<string, ImageParagraphStyle>()
  /** Whether a caption stands in a quotation, whose style is then written. */
  let quoteCaption = false
  let frameCount = 0
  let meta = { title: '', senders: '' }

  /** A style like `parent` that starts a new page. */
  function breaking(parent: string, pageBreak: boolean): string {
    if (!pageBreak) return parent
    breakStyles.add(parent)
    return `Break_${parent}`
  }

  function block(parent: XmlNode, b: Block, ctx: Context): void {
    switch (b.kind) {
      case 'heading':
        inlines(
          parent.ele('text:h', {
            'text:style-name': breaking(headingStyle(b.level), ctx.pageBreak),
            'text:outline-level': String(b.level),
          }),
          b.inlines,
          headingSizePt(b.level),
        )
        return
      case 'paragraph':
        inlines(
          parent.ele('text:p', { 'text:style-name': breaking(ctx.paragraphStyle, ctx.pageBreak) }),
          b.inlines,
          BODY_SIZE_PT,
        )
        return
      case 'code':
        appendText(parent.ele('text:p', { 'text:style-name': breaking(ODF_STYLE.code, ctx.pageBreak) }), b.text)
        return
      case 'rule':
        parent.ele('text:p', { 'text:style-name': breaking(ODF_STYLE.rule, ctx.pageBreak) })
        return
      case 'quote': {
        // A quote in a quote has the same style: it stands in no further.
        const width = ctx.paragraphStyle === ODF_STYLE.quote ? ctx.width : ctx.width - QUOTE_INDENT_CM * POINTS_PER_CM
        b.blocks.forEach((inner, i) => {
          block(parent, inner, { ...ctx, paragraphStyle: ODF_STYLE.quote, pageBreak: ctx.pageBreak && i === 0, width })
        })
        return
      }
      case 'list': {
        const list = parent.ele('text:list', {
          'text:style-name': b.ordered ? ODF_STYLE.numberList : ODF_STYLE.bulletList,
        })
        // The first level stands in two indents (label and text), each deeper one a further indent.
        const width = ctx.width - LIST_INDENT_CM * POINTS_PER_CM * (ctx.listLevel === 0 ? 2 : 1)
        const inner: Context = { ...ctx, pageBreak: false, inList: true, listLevel: ctx.listLevel + 1, width }
        b.items.forEach((item, i) => {
          const attributes = i === 0 && b.ordered && b.start !== 1 ? { 'text:start-value': String(b.start) } : {}
          const listItem = list.ele('text:list-item', attributes)
          // A list item must hold at least one paragraph.
          if (item.length === 0) listItem.ele('text:p', { 'text:style-name': ctx.paragraphStyle })
          for (const itemBlock of item) block(listItem, itemBlock, inner)
        })
        return
      }
      case 'table':
        if (ctx.inList) {
          // A table in a list item would be invalid ODF: its cells' blocks, one after another, instead.
          for (const row of b.rows) {
            for (const cell of row.cells) {
              for (const inner of cell.header ? emboldened(cell.blocks) : cell.blocks) block(parent, inner, ctx)
            }
          }
        } else table(parent, b.rows, ctx)
        return
      case 'image':
        image(parent, b, ctx)
        return
    }
  }

  /**
   * An image as a frame anchored as a character, alone in its paragraph: its bytes once under Pictures/
   * (a photo's pixels upright, see uprightImage: LibreOffice applies a JPEG's EXIF orientation in some
   * versions only), its alternative text as the frame's title and description, fitted to the width here
   * (see imageSize). One that cannot be shown is the missing-image line. Its caption follows (see caption).
   */
  function image(parent: XmlNode, b: ImageBlock, ctx: Context): void {
    const found = uprightImage(images, b.src)
    if (found) embedPicture(parent, b, found, ctx)
    else missingImage(parent, b, ctx)
    caption(parent, b, ctx)
  }

  /** The missing-image line; with a caption under it, kept with it as a frame's paragraph is. */
  function missingImage(parent: XmlNode, b: ImageBlock, ctx: Context): void {
    if (b.caption === null) {
      block(parent, missingImageBlock(b.alt), ctx)
      return
    }
    const style = imageParagraphStyle(ctx.paragraphStyle, ctx.pageBreak, true, false)
    inlines(parent.ele('text:p', { 'text:style-name': style }), missingImageInlines(b.alt), BODY_SIZE_PT)
  }

  function embedPicture(parent: XmlNode, b: ImageBlock, found: EmbeddableImage, ctx: Context): void {
    let picture = pictures.get(b.src)
    if (!picture) {
      picture = {
        path: `Pictures/afbeelding-${pictures.size + 1}.${found.format}`,
        mediaType: found.mediaType,
        data: found.data,
      }
      pictures.set(b.src, picture)
    }
    const size = imageSize(found, b, { width: ctx.width, textHeight: TEXT_HEIGHT_CM * POINTS_PER_CM })
    const description = xmlLiteral(imageDescription(b.alt))
    const frame = parent
      .ele('text:p', {
        'text:style-name': imageParagraphStyle(ctx.paragraphStyle, ctx.pageBreak, b.caption !== null, true),
      })
      .ele('draw:frame', {
        'draw:style-name': IMAGE_FRAME_STYLE,
        // LibreOffice lists frames by name in its navigator: each gets its own.
        'draw:name': `${LABELS.image} ${++frameCount}`,
        'text:anchor-type': 'as-char',
        'svg:width': `${size.width.toFixed(2)}pt`,
        'svg:height': `${size.height.toFixed(2)}pt`,
        'draw:z-index': '0',
      })
    frame.ele('draw:image', {
      'xlink:href': picture.path,
      'xlink:type': 'simple',
      'xlink:show': 'embed',
      'xlink:actuate': 'onLoad',
      'draw:mime-type': picture.mediaType,
    })
    frame.ele('svg:title').txt(description)
    frame.ele('svg:desc').txt(description)
  }

  /**
   * The style of a paragraph in an image's place: like `parent`; for a frame in single line height (see
   * imageStyles), for the missing-image line as it is; kept with the next paragraph when that is its
   * caption.
   */
  function imageParagraphStyle(parent: string, pageBreak: boolean, keepWithNext: boolean, frame: boolean): string {
    const name = `${frame ? 'Img' : 'Missing'}_${pageBreak ? 'Break_' : ''}${keepWithNext ? 'Keep_' : ''}${parent}`
    imageParagraphStyles.set(name, { name, parent, pageBreak, keepWithNext, frame })
    return name
  }

  /**
   * An image's caption, when it has one: a paragraph in the Caption style, in a quotation one that stands
   * in as the quotation does. In a list item it is a further paragraph of the item, which ODF does not
   * number.
   */
  function caption(parent: XmlNode, b: ImageBlock, ctx: Context): void {
    if (b.caption === null) return
    const inQuote = ctx.paragraphStyle === ODF_STYLE.quote
    if (inQuote) quoteCaption = true
    appendText(
      parent.ele('text:p', { 'text:style-name': inQuote ? QUOTE_CAPTION_STYLE : ODF_STYLE.caption }),
      b.caption,
    )
  }

  /**
   * A table:table in equal columns. Leading header rows go in table:table-header-rows, which LibreOffice
   * repeats on each page; a spanning cell is followed by a table:covered-table-cell for every other
   * position it covers, as ODF wants (ODF 1.3 part 3 §9.1.5).
   */
  function table(parent: XmlNode, rows: Extract<Block, { kind: 'table' }>['rows'], ctx: Context): void {
    const grid = tableGrid(rows)
    tableColumns.add(grid.columns)
    const element = parent.ele('table:table', {
      // LibreOffice lists tables by name in its navigator: each gets its own.
      'table:name': `Tabel${++tableCount}`,
      'table:style-name': ctx.pageBreak ? TABLE_BREAK_STYLE : ODF_STYLE.table,
    })
    const column = ctx.width / grid.columns
    element.ele('table:table-column', {
      'table:style-name': tableColumnStyle(grid.columns),
      'table:number-columns-repeated': String(grid.columns),
    })
    const header = grid.headerRows > 0 ? element.ele('table:table-header-rows') : null
    grid.slots.forEach((slots, r) => {
      const row = (r < grid.headerRows && header ? header : element).ele('table:table-row')
      for (const slot of slots) tableCell(row, slot, column)
    })
  }

  function tableCell(row: XmlNode, slot: GridSlot, column: number): void {
    if (slot.kind === 'covered') {
      row.ele('table:covered-table-cell')
      return
    }
    const { cell, colSpan, rowSpan } = slot.at
    const element = row.ele('table:table-cell', {
      'table:style-name': cell.header ? ODF_STYLE.tableHeaderCell : ODF_STYLE.tableCell,
      'office:value-type': 'string',
      ...(colSpan > 1 ? { 'table:number-columns-spanned': String(colSpan) } : {}),
      ...(rowSpan > 1 ? { 'table:number-rows-spanned': String(rowSpan) } : {}),
    })
    const paragraphStyle = cell.header ? ODF_STYLE.tableHeading : ODF_STYLE.tableContents
    // An empty cell still holds a paragraph, so a reader can type in it.
    if (cell.blocks.length === 0) element.ele('text:p', { 'text:style-name': paragraphStyle })
    const width = column * colSpan - 2 * CELL_PADDING_CM * POINTS_PER_CM
    for (const inner of cell.blocks) {
      block(element, inner, { paragraphStyle, pageBreak: false, inList: false, listLevel: 0, width })
    }
  }

  /** Inline content of a paragraph whose text is `size` points. */
  function inlines(parent: XmlNode, list: readonly Inline[], size: number): void {
    for (const inline of list) {
      if (inline.kind === 'break') {
        parent.ele('text:line-break')
        continue
      }
      const holder = inline.href
        ? parent.ele('text:a', {
            'xlink:type': 'simple',
            'xlink:href': xmlLiteral(inline.href),
            'text:style-name': ODF_STYLE.link,
          })
        : parent
      const style = markStyle(inline.marks, size)
      if (style) {
        markStyles.add(style)
        appendText(holder.ele('text:span', { 'text:style-name': style }), inline.text)
      } else appendText(holder, inline.text)
      // On paper a link is only its text: show the address too when the text does not already say it.
      if (inline.href && !sameAddress(inline.text, inline.href)) appendText(parent, ` (${inline.href})`)
    }
  }

  return {
    titlePage(page: TitlePage) {
      meta = { title: page.title, senders: page.senders }
      body.ele('text:p', { 'text:style-name': TITLE_PAGE_STYLE }).txt(xmlLiteral(page.title))
      body.ele('text:p', { 'text:style-name': ODF_STYLE.subtitle }).txt(xmlLiteral(page.kind))
      for (const fact of page.facts) {
        const p = body.ele('text:p', { 'text:style-name': ODF_STYLE.body })
        markStyles.add('T_b')
        p.ele('text:span', { 'text:style-name': 'T_b' }).txt(xmlLiteral(`${fact.label}: `))
        p.txt(xmlLiteral(fact.value))
      }
    },
    blocks(blocks, options) {
      blocks.forEach((b, i) => {
        block(body, b, {
          paragraphStyle: ODF_STYLE.body,
          pageBreak: i === 0 && !!options?.pageBreak,
          inList: false,
          listLevel: 0,
          width: TEXT_WIDTH_CM * POINTS_PER_CM,
        })
      })
    },
    async finish() {
      titlePageStyle(automatic)
      for (const name of [...markStyles].sort()) textStyle(automatic, name)
      if (tableCount > 0) tableStyles(automatic, tableColumns)
      if (imageParagraphStyles.size > 0) imageStyles(automatic, [...imageParagraphStyles.values()])
      if (quoteCaption) quoteCaptionStyle(automatic)
      for (const parent of [...breakStyles].sort()) {
        automatic
          .ele('style:style', {
            'style:name': `Break_${parent}`,
            'style:family': 'paragraph',
            'style:parent-style-name': parent,
          })
          .ele('style:paragraph-properties', { 'fo:break-before': 'page' })
      }
      return odtPackage({
        contentXml: root.end({ prettyPrint: false }),
        title: meta.title,
        creator: meta.senders,
        createdAt,
        pictures: [...pictures.values()],
      })
    },
  }
}

const MARK_LETTERS: readonly [keyof InlineMarks, string][] = [
  ['bold', 'b'],
  ['italic', 'i'],
  ['underline', 'u'],
  ['strike', 's'],
  ['code', 'c'],
]

/** Code is set this much smaller than its paragraph (in the body 9.5 pt, as in the PDF and the DOCX). */
const CODE_SMALLER_PT = 1.5

/**
 * An automatic text style per combination of marks, named after it: `T_bi` = bold italic. Code also
 * carries its size, `T_c_9.5`: LibreOffice ignores a relative size in an automatic text style, so each
 * paragraph size gets code of its own.
 */
function markStyle(marks: InlineMarks, paragraphSize: number): string | null {
  const letters = MARK_LETTERS.filter(([mark]) => marks[mark]).map(([, letter]) => letter)
  if (letters.length === 0) return null
  return marks.code ? `T_${letters.join('')}_${paragraphSize - CODE_SMALLER_PT}` : `T_${letters.join('')}`
}

function textStyle(parent: XmlNode, name: string): void {
  const [, markLetters = '', size] = name.split('_')
  const letters = new Set(markLetters)
  parent.ele('style:style', { 'style:name': name, 'style:family': 'text' }).ele('style:text-properties', {
    ...(letters.has('b') ? { 'fo:font-weight': 'bold' } : {}),
    ...(letters.has('i') ? { 'fo:font-style': 'italic' } : {}),
    ...(letters.has('u')
      ? {
          'style:text-underline-style': 'solid',
          'style:text-underline-width': 'auto',
          'style:text-underline-color': 'font-color',
        }
      : {}),
    ...(letters.has('s') ? { 'style:text-line-through-style': 'solid' } : {}),
    ...(letters.has('c') ? { 'style:font-name': MONO, ...(size ? { 'fo:font-size': `${size}pt` } : {}) } : {}),
  })
}

/**
 * Text as ODF wants it: XML collapses runs of spaces, so the second and later spaces of a run become
 * <text:s text:c="n"/>, tabs <text:tab/> and newlines <text:line-break/> (ODF 1.3 part 3 §6.1.2–6.1.5).
 */
function appendText(parent: XmlNode, value: string): void {
  for (const piece of value.split(/(\n|\t| {2,})/)) {
    if (piece === '') continue
    if (piece === '\n') parent.ele('text:line-break')
    else if (piece === '\t') parent.ele('text:tab')
    else if (piece.startsWith('  ')) {
      parent.txt(' ')
      parent.ele('text:s', { 'text:c': String(piece.length - 1) })
    } else parent.txt(xmlLiteral(piece))
  }
}
