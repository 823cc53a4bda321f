// The images of the dossier as the renderers use them: which image block can be embedded (the dossier
// holds bytes for its src that are a PNG or JPEG a viewer can show), how large it is drawn, and the line
// that stands in for one that cannot be shown. One decision for all four formats, so that they agree.
import { type Block, type ImageBlock, type Inline, text } from './contentBlocks.ts'
import type { Dossier, DossierImage } from './dossier.ts'
import { missingImageText } from './dossierText.ts'
import { type ImageFacts, inspectImage } from './imageBytes.ts'
import { uprightJpeg } from './uprightJpeg.ts'

export interface EmbeddableImage extends ImageFacts {
  readonly data: Uint8Array
}

export interface Size {
  readonly width: number
  readonly height: number
}

/** Points per pixel: an image is printed at 96 pixels per inch, the size a browser shows it at. */
export const POINTS_PER_PIXEL = 0.75

/** The most of a page's text height an image may take, so that it never crowds out its page. */
export const MAX_IMAGE_HEIGHT_SHARE = 0.6

/** The smallest an image is drawn (points), so that a deeply nested one still shows. */
const MIN_IMAGE_POINTS = 1

// A dossier's images are checked once each, however often they are shown or measured; a photo is
// turned upright once per dossier, for DOCX and ODT.
const inspected = new WeakMap<DossierImage, EmbeddableImage | null>()
const turnedUpright = new WeakMap<EmbeddableImage, EmbeddableImage>()

/**
 * The image a block shows, or null when the dossier has no bytes for its src (an image of another
 * document, one not found) or the bytes are not a PNG or JPEG that can be shown.
 */
export function embeddableImage(images: Dossier['images'], src: string): EmbeddableImage | null {
  // Own keys only: a src like "constructor" must not find something on the object's prototype.
  const image = src && Object.hasOwn(images, src) ? images[src] : undefined
  if (!image || !(image.data instanceof Uint8Array)) return null
  let found = inspected.get(image)
  if (found === undefined) {
    const facts = inspectImage(image.data)
    found = facts && { ...facts, data: image.data }
    inspected.set(image, found)
  }
  return found
}

/**
 * The image as DOCX and ODT embed it: as embeddableImage, but a JPEG that a viewer turns (its EXIF
 * orientation) with its pixels upright and its size as shown (uprightJpeg.ts says why and when not).
 * The PDF takes embeddableImage's: pdfkit turns a JPEG itself.
 */
export function uprightImage(images: Dossier['images'], src: string): EmbeddableImage | null {
  const found = embeddableImage(images, src)
  if (!found || found.orientation === 1) return found
  let upright = turnedUpright.get(found)
  if (!upright) {
    upright = uprightJpeg(found)
    turnedUpright.set(found, upright)
  }
  return upright
}

/**
 * The size in points an image is drawn at: the size the editor shows it at (its own pixels when the node
 * gives none, and never more), at 96 dpi; then made smaller, keeping its proportions, to fit `width` and
 * MAX_IMAGE_HEIGHT_SHARE of `textHeight`.
 */
export function imageSize(pixels: Size, block: ImageBlock, room: { width: number; textHeight: number }): Size {
  const ratio = pixels.height / pixels.width
  const wanted = block.widthPx ?? (block.heightPx !== null ? block.heightPx / ratio : pixels.width)
  const natural = Math.min(wanted, pixels.width) * POINTS_PER_PIXEL
  const maxWidth = Math.min(room.width, (room.textHeight * MAX_IMAGE_HEIGHT_SHARE) / ratio)
  const width = Math.max(Math.min(natural, maxWidth), MIN_IMAGE_POINTS)
  return { width, height: width * ratio }
}

/** The paragraph that stands in for an image that cannot be shown: its alternative text stays. */
export function missingImageBlock(alt: string): Block {
  return { kind: 'paragraph', inlines: missingImageInlines(alt) }
}

/** That paragraph's text, for a format that puts it in a paragraph of its own making (a DOCX list item's). */
export function missingImageInlines(alt: string): Inline[] {
  return [text(missingImageText(alt))]
}
