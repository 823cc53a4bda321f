// The nodes, marks and attributes a section's content may hold, by name: the client's content schema
// (client/src/editor/contentSchema.ts: StarterKit, tables, images and the `sectionLink` node) as it lands in the
// Y.XmlFragment through y-prosemirror: a node is a Y.XmlElement named after its type with its non-null
// attributes, text is a Y.XmlText whose formatting keys are mark names with the mark's attributes as
// value. The server's content policy refuses anything else; a client unit test keeps this list equal
// to the schema the editors use. `doc` (the fragment itself) and `text` (Y.XmlText) have no element.
import { SECTION_LINK_ATTRS, SECTION_LINK_NODE } from '../links/sectionLink.ts'
import { IMAGE_ATTRS, IMAGE_NODE } from './images.ts'

/** A table cell's attributes (@tiptap/extension-table); `colwidth` is a list of pixel widths. */
const TABLE_CELL_ATTRS: readonly string[] = ['colspan', 'rowspan', 'colwidth', 'align']

/** Most rows or columns one cell may span (a sane bound for the exports' layout). */
export const MAX_TABLE_SPAN = 64

/** Element name → the attribute names it may carry. */
export const CONTENT_NODES: Readonly<Record<string, readonly string[]>> = {
  paragraph: [],
  heading: ['level'],
  blockquote: [],
  bulletList: [],
  orderedList: ['start', 'type'],
  listItem: [],
  codeBlock: ['language'],
  hardBreak: [],
  horizontalRule: [],
  table: [],
  tableRow: [],
  tableHeader: TABLE_CELL_ATTRS,
  tableCell: TABLE_CELL_ATTRS,
  [SECTION_LINK_NODE]: [SECTION_LINK_ATTRS.documentId, SECTION_LINK_ATTRS.sectionId],
  [IMAGE_NODE]: IMAGE_ATTRS,
}

export const LINK_MARK = 'link'

/** Mark name (a Y.XmlText formatting key) → the attribute names its value may carry. */
export const CONTENT_MARKS: Readonly<Record<string, readonly string[]>> = {
  bold: [],
  italic: [],
  strike: [],
  underline: [],
  code: [],
  [LINK_MARK]: ['href', 'target', 'rel', 'class', 'title'],
}

/** Largest attribute value, in characters (a long URL fits; a 256 KiB blob does not). */
export const MAX_CONTENT_ATTRIBUTE_CHARS = 4_096

/** Link schemes a link mark may point to; an address without a scheme is relative and allowed. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto']

const own = (record: Readonly<Record<string, readonly string[]>>, key: string): readonly string[] | null =>
  Object.hasOwn(record, key) ? (record[key] ?? null) : null

/** The attributes an element may carry, or null when the element is not allowed. */
export const nodeAttributes = (name: string): readonly string[] | null => own(CONTENT_NODES, name)

/** The attributes a mark may carry, or null when the mark is not allowed. */
export const markAttributes = (name: string): readonly string[] | null => own(CONTENT_MARKS, name)

/**
 * Whether a link address may be stored: http(s), mailto or relative. Browsers drop tabs and newlines
 * anywhere in a URL and leading control characters and spaces ("java\tscript:" is javascript:), so
 * the scheme is read after doing the same.
 */
export function isAllowedLinkHref(href: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what we strip
  const normalised = href.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '')
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(normalised)?.[1]
  return scheme === undefined || LINK_SCHEMES.includes(scheme.toLowerCase())
}
