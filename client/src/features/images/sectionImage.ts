// The image node of a section (a map, a figure): Tiptap's Image as a block, holding the address of an
// image uploaded to this document (@novex/shared images.ts), its description (alt) and pixel size. The
// server refuses any other address (contentPolicy), so the editor never makes one: the `![alt](url)`
// typing shortcut is off, and pasted HTML brings only images of this document (a copy within it);
// every other pasted image is left out and said so (editor/pasteReport.ts), while a pasted or dropped
// image *file* is uploaded (imageFiles.ts).
import { parseImageSrc } from '@novex/shared'
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

  parseHTML() {
    return [
      {
        tag: 'img[src]',
        getAttrs: (element) => (keepsPastedImage(element.getAttribute('src'), this.options.documentId) ? null : false),
      },
    ]
  },

  addInputRules() {
    return []
  },
})
