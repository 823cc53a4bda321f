// The content policy: what a section's content may hold, checked on every new item of an update before
// it is applied (called from the update gate). The editors can only write the nodes, marks and
// attributes of their schema, but a raw Yjs update can write anything — a `javascript:` link, an
// `onclick` attribute, a `script` element, a 256 KiB attribute — and every reader's browser and every
// export would then have to neutralise it. The allow-list is @novex/shared's (CONTENT_NODES,
// CONTENT_MARKS), the same one the client's schema is checked against. Deleting is always allowed.
import {
  IMAGE_NODE,
  isAllowedLinkHref,
  isDocumentId,
  isSectionId,
  LINK_MARK,
  MAX_CONTENT_ATTRIBUTE_CHARS,
  MAX_IMAGE_ALT_CHARS,
  MAX_IMAGE_CAPTION_CHARS,
  MAX_IMAGE_PIXELS,
  MAX_TABLE_SPAN,
  markAttributes,
  nodeAttributes,
  parseImageSrc,
  SECTION_LINK_ATTRS,
  SECTION_LINK_NODE,
} from '@novex/shared'
import * as Y from 'yjs'
import type { ContentItem } from './resolveUpdate.ts'

/** What is wrong with the first offending item (Dutch, shown to the user), or null when all is allowed. */
export function contentProblem(
  documentId: string,
  roots: readonly Y.Item[],
  items: readonly ContentItem[],
): string | null {
  for (const root of roots) {
    if (root.content instanceof Y.ContentDeleted) continue
    if (!(root.content instanceof Y.ContentType && isFragment(root.content.type))) {
      return 'De inhoud van een onderdeel moet tekst zijn.'
    }
  }
  for (const { item, parent, key } of items) {
    const problem = itemProblem(documentId, item, parent, key)
    if (problem !== null) return problem
  }
  return null
}

// Y.XmlElement extends Y.XmlFragment: both hold a list of elements and texts.
const isFragment = (type: Y.AbstractType<unknown>): boolean =>
  type.constructor === Y.XmlFragment || type instanceof Y.XmlElement

function itemProblem(
  documentId: string,
  item: Y.Item,
  parent: Y.AbstractType<unknown>,
  key: string | null,
): string | null {
  const content = item.content
  // Already deleted in the update itself: nothing of it will show.
  if (content instanceof Y.ContentDeleted) return null
  if (parent instanceof Y.XmlText) {
    if (key !== null) return 'Tekst kan geen eigen kenmerken hebben.'
    if (content instanceof Y.ContentString) return null
    if (content instanceof Y.ContentFormat) return markProblem(content.key, content.value)
    return 'In tekst kan alleen tekst met opmaak staan.'
  }
  if (isFragment(parent)) {
    if (key !== null) {
      if (!(parent instanceof Y.XmlElement)) return 'De inhoud van een onderdeel kan geen kenmerken hebben.'
      return nodeAttributeProblem(documentId, parent.nodeName, key, content)
    }
    if (!(content instanceof Y.ContentType)) return 'In de inhoud kunnen alleen alinea’s en tekst staan.'
    const type = content.type
    if (type instanceof Y.XmlText) return null
    if (type instanceof Y.XmlElement) {
      return nodeAttributes(type.nodeName) === null ? `Het element "${short(type.nodeName)}" is niet toegestaan.` : null
    }
    return 'In de inhoud kunnen alleen alinea’s en tekst staan.'
  }
  // A map, array or plain text nested in the content: no editor reads it, so no reason to keep it.
  return 'De inhoud bevat een onderdeel dat de editor niet kent.'
}

function nodeAttributeProblem(
  documentId: string,
  node: string,
  name: string,
  content: Y.Item['content'],
): string | null {
  const allowed = nodeAttributes(node)
  if (allowed === null) return `Het element "${short(node)}" is niet toegestaan.`
  if (!allowed.includes(name)) return unknownAttribute(name, node)
  // y-prosemirror stores a node attribute as one plain value (Y.Map#set → ContentAny).
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return unknownAttribute(name, node)
  const value = content.arr[0]
  if (node === IMAGE_NODE && name === 'src') {
    // An image of this document only: another document's image is shown to readers who may not open
    // that document, and another host's would tell that host who reads the perspective, and when.
    return parseImageSrc(value)?.documentId === documentId
      ? null
      : 'Een afbeelding moet bij dit document zijn geüpload; een afbeelding van elders kan er niet in.'
  }
  return attributeValueProblem(node, name, value)
}

function markProblem(key: string, value: unknown): string | null {
  const allowed = markAttributes(key)
  if (allowed === null) return `De opmaak "${short(key)}" is niet toegestaan.`
  // null ends a mark; y-prosemirror writes the mark's attributes (an object, {} for bold) to start one.
  if (value === null) return null
  if (typeof value !== 'object' || Array.isArray(value)) return `De opmaak "${key}" heeft een ongeldige waarde.`
  for (const [name, attribute] of Object.entries(value)) {
    if (!allowed.includes(name)) return unknownAttribute(name, key)
    // Unset mark attributes travel as null inside the object (a link without a title).
    if (attribute === null) continue
    const problem = attributeValueProblem(key, name, attribute)
    if (problem !== null) return problem
  }
  return null
}

const isString = (value: unknown, max = MAX_CONTENT_ATTRIBUTE_CHARS): value is string =>
  typeof value === 'string' && value.length <= max

const isInteger = (value: unknown, min: number, max: number): boolean =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max

/** The value rules, per owner (node or mark) and attribute; anything not listed is a short string. */
function attributeValueProblem(owner: string, name: string, value: unknown): string | null {
  if (typeof value === 'string' && value.length > MAX_CONTENT_ATTRIBUTE_CHARS) {
    return `Het kenmerk "${name}" is te groot (${value.length} tekens, hoogstens ${MAX_CONTENT_ATTRIBUTE_CHARS}).`
  }
  const invalid = `Het kenmerk "${name}" van "${owner}" heeft een ongeldige waarde.`
  switch (`${owner}.${name}`) {
    case `${LINK_MARK}.href`:
      return isString(value) && isAllowedLinkHref(value)
        ? null
        : 'Een koppeling mag alleen naar een http(s)- of mailto-adres of een pad op deze site wijzen.'
    case 'heading.level':
      return isInteger(value, 1, 6) ? null : invalid
    case 'orderedList.start':
      return isInteger(value, 0, Number.MAX_SAFE_INTEGER) ? null : invalid
    case 'tableCell.colspan':
    case 'tableCell.rowspan':
    case 'tableHeader.colspan':
    case 'tableHeader.rowspan':
      return isInteger(value, 1, MAX_TABLE_SPAN) ? null : invalid
    case 'tableCell.colwidth':
    case 'tableHeader.colwidth':
      // One width in pixels per column the cell spans (prosemirror-tables).
      return Array.isArray(value) && value.length <= MAX_TABLE_SPAN && value.every((w) => isInteger(w, 0, 10_000))
        ? null
        : invalid
    case 'tableCell.align':
    case 'tableHeader.align':
      return value === 'left' || value === 'center' || value === 'right' ? null : invalid
    case `${IMAGE_NODE}.width`:
    case `${IMAGE_NODE}.height`:
      return isInteger(value, 1, MAX_IMAGE_PIXELS) ? null : invalid
    case `${IMAGE_NODE}.alt`:
      return isString(value, MAX_IMAGE_ALT_CHARS) ? null : invalid
    case `${IMAGE_NODE}.caption`:
      return isString(value, MAX_IMAGE_CAPTION_CHARS) ? null : invalid
    case 'codeBlock.language':
      // Becomes a class name (`language-…`) in the editor and in exports.
      return isString(value, 64) && /^[\w#+.-]*$/.test(value) ? null : invalid
    case `${SECTION_LINK_NODE}.${SECTION_LINK_ATTRS.documentId}`:
      return isDocumentId(value) ? null : invalid
    case `${SECTION_LINK_NODE}.${SECTION_LINK_ATTRS.sectionId}`:
      return isSectionId(value) ? null : invalid
    default:
      return isString(value) ? null : invalid
  }
}

function unknownAttribute(name: string, owner: string): string {
  // Event handler attributes are the classic way to run script from markup; say so plainly.
  if (/^on/i.test(name)) return `Het kenmerk "${short(name)}" (een scriptkoppeling) is niet toegestaan.`
  return `Het kenmerk "${short(name)}" is niet toegestaan bij "${short(owner)}".`
}

/** Names come from the update: keep what we echo back short. */
const short = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text)
