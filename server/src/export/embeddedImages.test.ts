import { describe, expect, it } from 'vitest'
import type { ImageBlock } from './contentBlocks.ts'
import type { DossierImage } from './dossier.ts'
import { embeddableImage, imageSize } from './embeddedImages.ts'
import { corruptPng, dossierImage, pngImage } from './testing/testImages.ts'

const block = (widthPx: number | null = null, heightPx: number | null = null): ImageBlock => ({
  kind: 'image',
  src: '/x',
  alt: '',
  caption: null,
  widthPx,
  heightPx,
})

describe('imageSize', () => {
  const room = { width: 450, textHeight: 700 }

  it('draws an image at 96 dpi (0.75 pt a pixel) when it fits', () => {
    expect(imageSize({ width: 40, height: 20 }, block(), room)).toEqual({ width: 30, height: 15 })
  })

  it('fits a wide image to the width and a tall one to 60% of the text height, keeping its proportions', () => {
    expect(imageSize({ width: 1200, height: 300 }, block(), room)).toEqual({ width: 450, height: 112.5 })
    const tall = imageSize({ width: 300, height: 1200 }, block(), room)
    expect(tall.height).toBeCloseTo(420, 6)
    expect(tall.width).toBeCloseTo(105, 6)
  })

  it("takes the editor's size, never beyond the image's own pixels", () => {
    expect(imageSize({ width: 40, height: 20 }, block(20), room)).toEqual({ width: 15, height: 7.5 })
    expect(imageSize({ width: 40, height: 20 }, block(null, 10), room)).toEqual({ width: 15, height: 7.5 })
    expect(imageSize({ width: 40, height: 20 }, block(400, 200), room)).toEqual({ width: 30, height: 15 })
    // Only the width counts when both are given: the proportions are the image's own.
    expect(imageSize({ width: 40, height: 20 }, block(20, 100), room)).toEqual({ width: 15, height: 7.5 })
  })

  it('still draws something where there is (nearly) no room', () => {
    expect(imageSize({ width: 40, height: 20 }, block(), { width: -5, textHeight: 700 }).width).toBeGreaterThan(0)
  })
})

describe('embeddableImage', () => {
  const images = {
    '/good': dossierImage(pngImage(4, 2), 4, 2),
    '/bad': dossierImage(corruptPng(4, 2), 4, 2),
  }

  it('finds an image whose bytes can be shown, with their facts', () => {
    expect(embeddableImage(images, '/good')).toMatchObject({ format: 'png', width: 4, height: 2 })
  })

  it('finds nothing for a src not in the dossier, damaged bytes, an empty src or a name on the prototype', () => {
    for (const src of ['/elsewhere', '/bad', '', 'constructor', '__proto__', 'toString']) {
      expect(embeddableImage(images, src), src).toBeNull()
    }
    // Only the dossier's own entries count, not what its object inherits.
    const inherited: Record<string, DossierImage> = Object.create(images)
    expect(embeddableImage(inherited, '/good')).toBeNull()
  })
})
