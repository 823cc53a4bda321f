// The `sectionLink` node as the schema knows it: an inline atom holding the target's document and
// section id, never its title (docs/links.md). This file has no React and no node view, so every place
// that builds a section schema (the editors, a read-only version, the replay after a refusal) can use
// the same node: y-prosemirror deletes elements its schema does not know, so a schema without it would
// silently drop links from the shared document.
import { SECTION_LINK_ATTRS, SECTION_LINK_NODE } from '@novex/shared'
import { mergeAttributes, Node } from '@tiptap/core'

/** Data attributes of the HTML form (copy and paste between editors keeps the link). */
export const SECTION_LINK_HTML = {
  marker: 'data-section-link',
  documentId: 'data-document-id',
  sectionId: 'data-section-id',
} as const

export interface SectionLinkAttrs {
  readonly documentId: string | null
  readonly sectionId: string | null
}

export const SectionLinkNode = Node.create({
  name: SECTION_LINK_NODE,
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: false,

  addAttributes() {
    return {
      [SECTION_LINK_ATTRS.documentId]: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute(SECTION_LINK_HTML.documentId),
        renderHTML: (attrs: Record<string, unknown>) => ({
          [SECTION_LINK_HTML.documentId]: attrs[SECTION_LINK_ATTRS.documentId],
        }),
      },
      [SECTION_LINK_ATTRS.sectionId]: {
        default: null,
        parseHTML: (element: HTMLElement) => element.getAttribute(SECTION_LINK_HTML.sectionId),
        renderHTML: (attrs: Record<string, unknown>) => ({
          [SECTION_LINK_HTML.sectionId]: attrs[SECTION_LINK_ATTRS.sectionId],
        }),
      },
    }
  },

  parseHTML() {
    return [{ tag: `span[${SECTION_LINK_HTML.marker}]` }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['span', mergeAttributes({ [SECTION_LINK_HTML.marker]: '' }, HTMLAttributes)]
  },

  // Plain text (search, quotes, copy as text) marks the place of the link as the server's context does.
  renderText() {
    return '[…]'
  },
})
