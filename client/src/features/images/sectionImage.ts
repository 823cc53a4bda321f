// The image node of a section (a map, a figure): Tiptap's Image as a block, holding the address of an
// image uploaded to this document (@novex/shared images.ts), its description (alt) and pixel size. The
// server refuses any other address (contentPolicy), so the editor never makes one: the `![alt](url)`
// typing shortcut is off, and pasted HTML brings only images of this document (a copy within it);
// every other pasted image is left out and said so (editor/pasteReport.ts), while a pasted or dropped
// image *file* is uploaded (imageFiles.ts). An image with a caption is a <figure> with the <img> and a
// <figcaption> (the caption is an attribute, not editable text: it is set in the image's dialog, like
// the description); one without is the bare <img>.
import { imageCaption, parseImageSrc } from '@novex/shared'
import { mergeAttributes } from '@tiptap/core'
import Image, { type ImageOptions } from '@tiptap/extension-image'

export interface SectionImageOptions extends ImageOptions {
  /** The open document; null (a read-only copy) accepts an image of any document of this server. */
  readonly documentId: string | null
}

/** Whether pasted HTML's image may come along into this document's text. */
export function keepsPastedImage(src: string | null, documentId: string | null): boolean {
  const address = parseImageSrc(src)
  return address !== null && (documentId === null || address.documentId === documentId)
}

export const SectionImage = Image.extend<SectionImageOptions>({
  addOptions() {
    // Fetched when scrolled near, so a perspective with many maps opens as fast as one without.
    // The class keeps the styles off ProseMirror's own <img> (the separator at the end of some lines).
    const HTMLAttributes = { class: 'section-image', loading: 'lazy', decoding: 'async' }
    return { inline: false, allowBase64: false, HTMLAttributes, resize: false, documentId: null }
  },

  addAttributes() {
    // Read from the <img> itself or from the one inside a <figure>.
    const fromImage = (name: string) => (element: HTMLElement) => imageIn(element)?.getAttribute(name) ?? null
    return {
      src: { default: null, parseHTML: fromImage('src') },
      alt: { default: null, parseHTML: fromImage('alt') },
      title: { default: null, parseHTML: fromImage('title') },
      width: { default: null, parseHTML: fromImage('width') },
      height: { default: null, parseHTML: fromImage('height') },
      caption: {
        default: null,
        parseHTML: (element) => imageCaption(element.querySelector(':scope > figcaption')?.textContent),
        // Shown as the figcaption (renderHTML below), never as an attribute of the <img>.
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    const keeps = (element: HTMLElement): null | false =>
      keepsPastedImage(imageIn(element)?.getAttribute('src') ?? null, this.options.documentId) ? null : false
    return [
      // Before the bare <img>, so that a figure's <img> does not become an image of its own.
      { tag: 'figure', priority: 60, getAttrs: (element) => (imageIn(element) === null ? false : keeps(element)) },
      { tag: 'img[src]', getAttrs: keeps },
    ]
  },

  renderHTML({ node, HTMLAttributes }) {
    const image = ['img', mergeAttributes(this.options.HTMLAttributes, HTMLAttributes)] as const
    const caption = imageCaption(node.attrs.caption)
    return caption === null ? image : ['figure', { class: 'section-figure' }, image, ['figcaption', {}, caption]]
  },

  addInputRules() {
    return []
  },
})

/** The <img> an element is or holds as a figure's picture. */
function imageIn(element: HTMLElement): HTMLElement | null {
  if (element.tagName === 'IMG') return element
  return element.tagName === 'FIGURE' ? element.querySelector<HTMLElement>(':scope > img[src]') : null
}
