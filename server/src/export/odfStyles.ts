// styles.xml of the ODT: the named paragraph, text and list styles that content.xml refers to, an A4
// page with a footer holding the title and "Pagina N van M", and a first page (the title page) without
// it, as in the PDF. Named (not automatic) styles, so a reader who
// edits the file in LibreOffice finds "Kop 1", "Citaat", "Bijschrift" and so on in the style list. The
// table, column and cell styles are automatic ones in content.xml, as LibreOffice writes them
// (tableStyles); so are the image paragraphs' variants and a caption's in a quotation (imageStyles).
import { create } from 'xmlbuilder2'
import { MAX_HEADING_LEVEL } from './contentBlocks.ts'
import { LABELS } from './dossierText.ts'
import { namespaceAttributes, ODF_NS, ODF_VERSION } from './odfNamespaces.ts'
import { xmlLiteral } from './xmlLiteral.ts'

export type XmlNode = ReturnType<typeof create>

export const ODF_STYLE = {
  body: 'Text_20_body',
  title: 'Title',
  subtitle: 'Subtitle',
  quote: 'Quotations',
  code: 'Preformatted_20_Text',
  rule: 'Horizontal_20_Line',
  link: 'Internet_20_link',
  bulletList: 'L_bullet',
  numberList: 'L_number',
  tableContents: 'Table_20_Contents',
  tableHeading: 'Table_20_Heading',
  table: 'Tbl',
  tableCell: 'Tbl_cell',
  tableHeaderCell: 'Tbl_head',
  caption: 'Caption',
} as const

/** A table like ODF_STYLE.table that starts a new page. */
export const TABLE_BREAK_STYLE = 'Tbl_break'

/** The column style for a table of `columns` equal columns. */
export function tableColumnStyle(columns: number): string {
  return `Tbl_C${columns}`
}

export function headingStyle(level: number): string {
  return `Heading_20_${level}`
}

/** The body text's size, in points: every paragraph style but the headings, the title and the captions. */
export const BODY_SIZE_PT = 11
const HEADING_SIZES_PT = [18, 15, 13, 12, 11, 11] as const
const HEADING_SIZES = HEADING_SIZES_PT.map((pt) => `${pt}pt`)

/** A heading's size in points. */
export const headingSizePt = (level: number): number => HEADING_SIZES_PT[level - 1] ?? BODY_SIZE_PT
const SANS = 'Liberation Sans'
/** The monospace font of code; content.xml declares it too (fontFaceDecls). */
export const MONO = 'Liberation Mono'
const LIST_LEVELS = 10
const PAGE_WIDTH_CM = 21
const PAGE_HEIGHT_CM = 29.7
const PAGE_MARGIN_CM = 2.2
const PAGE_TOP_CM = 2
const PAGE_BOTTOM_CM = 1.5
/** The footer stands inside the bottom margin's line: its height, and the space between it and the text. */
const FOOTER_HEIGHT_CM = 0.5
const FOOTER_GAP_CM = 0.4
export const TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * PAGE_MARGIN_CM
/** Between the top margin and the footer (with the space above it). */
export const TEXT_HEIGHT_CM = PAGE_HEIGHT_CM - PAGE_TOP_CM - PAGE_BOTTOM_CM - FOOTER_HEIGHT_CM - FOOTER_GAP_CM
const QUOTE_MARGIN_CM = 0.8
const QUOTE_BORDER_CM = 0.06
const QUOTE_PADDING_CM = 0.2
/** How far a quotation's text stands in from the text around it: margin, bar and padding. */
export const QUOTE_INDENT_CM = QUOTE_MARGIN_CM + QUOTE_BORDER_CM + QUOTE_PADDING_CM
/** What makes a paragraph a quotation: its indent and the bar at its left. */
const QUOTE_PARAGRAPH = {
  'fo:margin-left': `${QUOTE_MARGIN_CM}cm`,
  'fo:border-left': `${QUOTE_BORDER_CM}cm solid #b0b0b0`,
  'fo:padding-left': `${QUOTE_PADDING_CM}cm`,
} as const
/** The indent of each list level (a level's text starts at (level + 1) × this). */
export const LIST_INDENT_CM = 0.635
export const CELL_PADDING_CM = 0.1
const CELL_BORDER = '0.5pt solid #808080'
/** The master page of the title page: no footer, as the PDF's title page has none. */
export const FIRST_PAGE = 'First_20_Page'
/** An automatic style of the title page's first paragraph (the title), which starts FIRST_PAGE. */
export const TITLE_PAGE_STYLE = 'Title_first_page'

export function odfStylesXml(title: string): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ODF_NS.office, 'office:document-styles', {
    ...namespaceAttributes('style', 'text', 'fo', 'svg', 'xlink'),
    'office:version': ODF_VERSION,
  })
  fontFaceDecls(root)

  const styles = root.ele('office:styles')
  styles.ele('style:default-style', { 'style:family': 'paragraph' }).ele('style:text-properties', {
    'style:font-name': SANS,
    'fo:font-size': `${BODY_SIZE_PT}pt`,
    'fo:language': 'nl',
    'fo:country': 'NL',
  })
  // No single line of a paragraph alone at the foot or the top of a page.
  paragraphStyle(styles, 'Standard', null, { 'fo:widows': '2', 'fo:orphans': '2' }, {})
  paragraphStyle(styles, ODF_STYLE.body, 'Standard', { 'fo:margin-bottom': '0.2cm', 'fo:line-height': '125%' }, {})
  paragraphStyle(
    styles,
    ODF_STYLE.title,
    'Standard',
    { 'fo:margin-top': '6cm', 'fo:margin-bottom': '0.3cm' },
    { 'fo:font-size': '24pt', 'fo:font-weight': 'bold' },
  )
  paragraphStyle(
    styles,
    ODF_STYLE.subtitle,
    'Standard',
    { 'fo:margin-bottom': '1cm' },
    { 'fo:font-size': '14pt', 'fo:color': '#555555' },
  )
  paragraphStyle(styles, ODF_STYLE.quote, ODF_STYLE.body, QUOTE_PARAGRAPH, {})
  // LibreOffice's own "Caption" (its "Bijschrift"), the style a reader's list of figures is made from:
  // italic and smaller than the body text, close under its image.
  paragraphStyle(
    styles,
    ODF_STYLE.caption,
    'Standard',
    { 'fo:margin-top': '0.1cm', 'fo:margin-bottom': '0.3cm' },
    { 'fo:font-size': '9pt', 'fo:font-style': 'italic' },
    { 'style:class': 'extra' },
  )
  paragraphStyle(
    styles,
    ODF_STYLE.code,
    'Standard',
    { 'fo:background-color': '#f2f2f2', 'fo:margin-bottom': '0.2cm' },
    { 'style:font-name': MONO, 'fo:font-size': '10pt' },
  )
  paragraphStyle(
    styles,
    ODF_STYLE.rule,
    'Standard',
    { 'fo:border-bottom': '0.02cm solid #808080', 'fo:margin-bottom': '0.3cm' },
    { 'fo:font-size': '6pt' },
  )
  paragraphStyle(styles, ODF_STYLE.tableContents, 'Standard', {}, {}, { 'style:display-name': 'Table Contents' })
  paragraphStyle(
    styles,
    ODF_STYLE.tableHeading,
    ODF_STYLE.tableContents,
    {},
    { 'fo:font-weight': 'bold' },
    { 'style:display-name': 'Table Heading' },
  )
  paragraphStyle(
    styles,
    'Footer',
    'Standard',
    { 'fo:text-align': 'center' },
    { 'fo:font-size': '8pt', 'fo:color': '#555555' },
  )
  for (let level = 1; level <= MAX_HEADING_LEVEL; level++) {
    paragraphStyle(
      styles,
      headingStyle(level),
      'Standard',
      { 'fo:margin-top': '0.4cm', 'fo:margin-bottom': '0.2cm', 'fo:keep-with-next': 'always' },
      { 'fo:font-size': HEADING_SIZES[level - 1] ?? '11pt', 'fo:font-weight': 'bold' },
      { 'style:default-outline-level': String(level), 'style:display-name': `Heading ${level}` },
    )
  }
  styles
    .ele('style:style', { 'style:name': ODF_STYLE.link, 'style:display-name': 'Internet link', 'style:family': 'text' })
    .ele('style:text-properties', {
      'fo:color': '#154273',
      'style:text-underline-style': 'solid',
      'style:text-underline-width': 'auto',
      'style:text-underline-color': 'font-color',
    })
  listStyle(styles, ODF_STYLE.bulletList, false)
  listStyle(styles, ODF_STYLE.numberList, true)

  const layout = root.ele('office:automatic-styles').ele('style:page-layout', { 'style:name': 'pm1' })
  layout.ele('style:page-layout-properties', {
    'fo:page-width': `${PAGE_WIDTH_CM}cm`,
    'fo:page-height': `${PAGE_HEIGHT_CM}cm`,
    'style:print-orientation': 'portrait',
    'fo:margin-top': `${PAGE_TOP_CM}cm`,
    'fo:margin-bottom': `${PAGE_BOTTOM_CM}cm`,
    'fo:margin-left': `${PAGE_MARGIN_CM}cm`,
    'fo:margin-right': `${PAGE_MARGIN_CM}cm`,
  })
  // Without this the footer stands right under the last line of text.
  layout.ele('style:footer-style').ele('style:header-footer-properties', {
    'fo:min-height': `${FOOTER_HEIGHT_CM}cm`,
    'fo:margin-top': `${FOOTER_GAP_CM}cm`,
  })
  const masters = root.ele('office:master-styles')
  const footer = masters
    .ele('style:master-page', { 'style:name': 'Standard', 'style:page-layout-name': 'pm1' })
    .ele('style:footer')
    .ele('text:p', { 'text:style-name': 'Footer' })
  // The title page counts, as in the PDF: the first page with a footer is "Pagina 2 van M".
  footer.txt(xmlLiteral(`${title} — ${LABELS.page} `))
  footer.ele('text:page-number', { 'text:select-page': 'current' }).txt('1')
  footer.txt(` ${LABELS.of} `)
  footer.ele('text:page-count').txt('1')
  masters.ele('style:master-page', {
    'style:name': FIRST_PAGE,
    'style:display-name': 'First Page',
    'style:page-layout-name': 'pm1',
    'style:next-style-name': 'Standard',
  })
  return root.end({ prettyPrint: false })
}

/**
 * The fonts the styles name, declared in styles.xml and again in content.xml: a font name in a part's
 * styles refers to that part's declarations, and LibreOffice sets an undeclared one (code's monospace
 * font in content.xml's automatic text styles) in the default font.
 */
export function fontFaceDecls(root: XmlNode): void {
  const fonts = root.ele('office:font-face-decls')
  fonts.ele('style:font-face', {
    'style:name': SANS,
    'svg:font-family': `'${SANS}'`,
    'style:font-family-generic': 'swiss',
  })
  fonts.ele('style:font-face', {
    'style:name': MONO,
    'svg:font-family': `'${MONO}'`,
    'style:font-family-generic': 'modern',
    'style:font-pitch': 'fixed',
  })
}

/** The title's automatic style (TITLE_PAGE_STYLE): the Title style, starting the footerless FIRST_PAGE. */
export function titlePageStyle(automatic: XmlNode): void {
  automatic.ele('style:style', {
    'style:name': TITLE_PAGE_STYLE,
    'style:family': 'paragraph',
    'style:parent-style-name': ODF_STYLE.title,
    'style:master-page-name': FIRST_PAGE,
  })
}

/**
 * The automatic styles of the tables in content.xml: the table over the text width (one variant starting
 * a new page), a column style per column count in use, and bordered cells, header cells shaded. A nested
 * table keeps the relative column widths and LibreOffice fits it into its cell (table:align="margins").
 */
export function tableStyles(automatic: XmlNode, columnCounts: Iterable<number>): void {
  const table = (name: string, extra: Record<string, string>) =>
    automatic.ele('style:style', { 'style:name': name, 'style:family': 'table' }).ele('style:table-properties', {
      'style:width': `${TEXT_WIDTH_CM}cm`,
      'table:align': 'margins',
      // Neighbouring cells share one border line instead of drawing two side by side.
      'table:border-model': 'collapsing',
      'fo:margin-top': '0.1cm',
      'fo:margin-bottom': '0.3cm',
      ...extra,
    })
  table(ODF_STYLE.table, {})
  table(TABLE_BREAK_STYLE, { 'fo:break-before': 'page' })
  for (const columns of [...new Set(columnCounts)].sort((a, b) => a - b)) {
    automatic
      .ele('style:style', { 'style:name': tableColumnStyle(columns), 'style:family': 'table-column' })
      .ele('style:table-column-properties', {
        'style:column-width': `${(TEXT_WIDTH_CM / columns).toFixed(3)}cm`,
        'style:rel-column-width': '1000*',
      })
  }
  const cell = (name: string, extra: Record<string, string>) =>
    automatic
      .ele('style:style', { 'style:name': name, 'style:family': 'table-cell' })
      .ele('style:table-cell-properties', { 'fo:border': CELL_BORDER, 'fo:padding': `${CELL_PADDING_CM}cm`, ...extra })
  cell(ODF_STYLE.tableCell, {})
  cell(ODF_STYLE.tableHeaderCell, { 'fo:background-color': '#f2f2f2' })
}

/** The frame style of images: standing on the baseline of their paragraph, as a character would. */
export const IMAGE_FRAME_STYLE = 'Fr_image'

/** A caption in a quotation: the caption style, standing in as the quotation does. */
export const QUOTE_CAPTION_STYLE = 'Cap_quote'

/** The paragraph style in an image's place (its frame's, or the missing-image line's), as imageStyles writes it. */
export interface ImageParagraphStyle {
  readonly name: string
  readonly parent: string
  readonly pageBreak: boolean
  /** A caption follows: the paragraph keeps with it, so that the caption never starts a page alone. */
  readonly keepWithNext: boolean
  /** It holds the image's frame (else the missing-image line). */
  readonly frame: boolean
}

/**
 * The automatic styles for images: the frame style, and per paragraph style in an image's place a
 * variant of it, for a frame with single line height (a proportional line height would stretch the
 * image's line too), one that also starts a new page or keeps with the caption under it where asked.
 */
export function imageStyles(automatic: XmlNode, paragraphs: readonly ImageParagraphStyle[]): void {
  if (paragraphs.some((paragraph) => paragraph.frame)) {
    automatic
      .ele('style:style', { 'style:name': IMAGE_FRAME_STYLE, 'style:family': 'graphic' })
      .ele('style:graphic-properties', {
        'style:vertical-pos': 'top',
        'style:vertical-rel': 'baseline',
        'fo:margin-top': '0cm',
        'fo:margin-bottom': '0cm',
      })
  }
  for (const { name, parent, pageBreak, keepWithNext, frame } of paragraphs) {
    automatic
      .ele('style:style', { 'style:name': name, 'style:family': 'paragraph', 'style:parent-style-name': parent })
      .ele('style:paragraph-properties', {
        ...(frame ? { 'fo:line-height': '100%' } : {}),
        ...(pageBreak ? { 'fo:break-before': 'page' } : {}),
        ...(keepWithNext ? { 'fo:keep-with-next': 'always' } : {}),
      })
  }
}

/** The automatic style of a caption in a quotation (QUOTE_CAPTION_STYLE). */
export function quoteCaptionStyle(automatic: XmlNode): void {
  automatic
    .ele('style:style', {
      'style:name': QUOTE_CAPTION_STYLE,
      'style:family': 'paragraph',
      'style:parent-style-name': ODF_STYLE.caption,
    })
    .ele('style:paragraph-properties', QUOTE_PARAGRAPH)
}

function paragraphStyle(
  parent: XmlNode,
  name: string,
  parentName: string | null,
  paragraph: Record<string, string>,
  text: Record<string, string>,
  extra: Record<string, string> = {},
): void {
  const style = parent.ele('style:style', {
    'style:name': name,
    'style:family': 'paragraph',
    ...(parentName ? { 'style:parent-style-name': parentName } : {}),
    ...extra,
  })
  if (Object.keys(paragraph).length > 0) style.ele('style:paragraph-properties', paragraph)
  if (Object.keys(text).length > 0) style.ele('style:text-properties', text)
}

function listStyle(parent: XmlNode, name: string, numbered: boolean): void {
  const list = parent.ele('text:list-style', { 'style:name': name })
  for (let level = 1; level <= LIST_LEVELS; level++) {
    const levelStyle = numbered
      ? list.ele('text:list-level-style-number', {
          'text:level': String(level),
          'style:num-format': '1',
          'style:num-suffix': '.',
        })
      : list.ele('text:list-level-style-bullet', {
          'text:level': String(level),
          'text:bullet-char': level % 2 === 1 ? '•' : '◦',
        })
    levelStyle
      .ele('style:list-level-properties', { 'text:list-level-position-and-space-mode': 'label-alignment' })
      .ele('style:list-level-label-alignment', {
        'text:label-followed-by': 'listtab',
        'text:list-tab-stop-position': `${(LIST_INDENT_CM * (level + 1)).toFixed(3)}cm`,
        'fo:text-indent': `-${LIST_INDENT_CM}cm`,
        'fo:margin-left': `${(LIST_INDENT_CM * (level + 1)).toFixed(3)}cm`,
      })
  }
}
