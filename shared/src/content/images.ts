// Images (maps, figures) in a section: the one place for their wire form. An image is uploaded once to
// its document (POST /api/documents/<id>/images, the raw bytes) and stored under the SHA-256 of its
// bytes; the section holds an `image` node whose `src` is the image's address on this server. A signed
// section's hash covers that `src`, so it covers the image's bytes too. Only PNG and JPEG: every
// export format embeds both, and neither can carry script (SVG can).
import type { DocumentId } from '../ids.ts'
import { isDocumentId } from '../ids.ts'

/**
 * The node name (Tiptap's Image extension) and the attributes it may carry. `alt` is the description for
 * those who cannot see the image (required by the editor); `caption` is the visible line under it
 * ("Figuur 2. Zoekgebieden woningbouw. Bron: provincie Noord-Brabant"), optional.
 */
export const IMAGE_NODE = 'image'
export const IMAGE_ATTRS = ['src', 'alt', 'title', 'width', 'height', 'caption'] as const

/** The media types an upload may have, with the file extension a download gets. */
export const IMAGE_MEDIA_TYPES = { 'image/png': 'png', 'image/jpeg': 'jpg' } as const
export type ImageMediaType = keyof typeof IMAGE_MEDIA_TYPES

export const isImageMediaType = (value: unknown): value is ImageMediaType =>
  typeof value === 'string' && Object.hasOwn(IMAGE_MEDIA_TYPES, value)

/** Largest upload: a detailed A3 map as PNG fits, a photo straight from a camera (as JPEG) too. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024

/** Largest width or height, in pixels (the `width`/`height` attributes and an upload's dimensions). */
export const MAX_IMAGE_PIXELS = 20_000

/** Longest alternative text, in characters: a sentence or two for a screen reader, not a report. */
export const MAX_IMAGE_ALT_CHARS = 1_000

/** Longest caption, in characters: a figure's title and its source. */
export const MAX_IMAGE_CAPTION_CHARS = 500

export type ImageId = string & { readonly __brand: 'ImageId' }

const IMAGE_ID = /^[0-9a-f]{64}$/

/** An image id is the lower-case hex SHA-256 of its bytes. */
export const isImageId = (value: unknown): value is ImageId => typeof value === 'string' && IMAGE_ID.test(value)

/** The address an `image` node's `src` holds: a path on this server, never another host. */
export const imageSrc = (documentId: DocumentId | string, imageId: ImageId | string): string =>
  `/api/documents/${documentId}/images/${imageId}`

const IMAGE_SRC = /^\/api\/documents\/([^/]+)\/images\/([^/]+)$/

/** The document and image an `src` names, or null when it is not an image address of this server. */
export function parseImageSrc(src: unknown): { documentId: DocumentId; imageId: ImageId } | null {
  if (typeof src !== 'string') return null
  const match = IMAGE_SRC.exec(src)
  const [documentId, imageId] = [match?.[1], match?.[2]]
  return isDocumentId(documentId) && isImageId(imageId) ? { documentId, imageId } : null
}

/** An image's caption, trimmed, or null when it has none. */
export const imageCaption = (caption: unknown): string | null =>
  typeof caption === 'string' && caption.trim() !== '' ? caption.trim() : null

/**
 * How an image reads in a section's plain text (version comparison, a refused change, a comment's quote):
 * its description, and its caption on the next line when it has one (that is text a reader sees).
 */
export const imagePlainText = (alt: unknown, caption: unknown = null): string => {
  const described =
    typeof alt === 'string' && alt.trim() !== '' ? `[Afbeelding: ${alt.trim()}]` : '[Afbeelding zonder beschrijving]'
  const shown = imageCaption(caption)
  return shown === null
    ? described
    : `${described}
${shown}`
}

/** Whether a comment's quote is of an image alone (a map selected on its own): it starts as imagePlainText does. */
export const isImageQuote = (quote: string): boolean =>
  quote.startsWith('[Afbeelding: ') || quote.startsWith('[Afbeelding zonder beschrijving]')
