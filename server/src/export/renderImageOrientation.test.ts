// A phone photo's EXIF orientation in DOCX and ODT, read back as a word processor gets it. The bug this
// guards against: both embedded the stored pixels, sized by them, and left the turning to the program
// (Word does not turn, LibreOffice does in some versions), so a portrait photo lay on its side or was
// squeezed into a landscape box. Now the picture is upright pixels without an orientation tag, in the
// box a browser (and our PDF) shows it in.
import { decode } from 'jpeg-js'
import { describe, expect, it } from 'vitest'
import { inspectImage } from './imageBytes.ts'
import type { Orientation } from './jpegOrientation.ts'
import { renderDossier } from './renderDossier.ts'
import { readDocxImages, readOdtImages, readPdfImages } from './testing/readBack.ts'
import { dossierWith, renderedInEveryFormat, src } from './testing/testDossiers.ts'
import { CORNER_COLOURS, cornersJpeg, dossierImage, imageNode, jpegWithOrientation } from './testing/testImages.ts'

/** EMU per point (DOCX extents). */
const EMU_PER_POINT = 12700
const PHOTO_SRC = src('e1')
/** 40 × 20 stored pixels: 30 × 15 pt at 96 dpi, or 15 × 30 pt turned a quarter. */
const PHOTO = cornersJpeg(40, 20)

const dossier = (jpeg: Uint8Array) =>
  dossierWith([imageNode(PHOTO_SRC, 'Foto van de keukentafelsessie')], { [PHOTO_SRC]: dossierImage(jpeg, 40, 20) })

type Corner = 'top left' | 'top right' | 'bottom left' | 'bottom right'

/**
 * Where a viewer shows the stored top-left (red) and top-right (green) blocks, written out from the
 * EXIF meaning of each value (2: row 0 at the top, column 0 at the right; 6: row 0 at the right,
 * column 0 at the top; ...), and the size it shows the 40 × 20 picture at.
 */
const SHOWN: Record<Exclude<Orientation, 1>, { red: Corner; green: Corner; width: number; height: number }> = {
  2: { red: 'top right', green: 'top left', width: 40, height: 20 },
  3: { red: 'bottom right', green: 'bottom left', width: 40, height: 20 },
  4: { red: 'bottom left', green: 'bottom right', width: 40, height: 20 },
  5: { red: 'top left', green: 'bottom left', width: 20, height: 40 },
  6: { red: 'top right', green: 'bottom right', width: 20, height: 40 },
  7: { red: 'bottom right', green: 'top right', width: 20, height: 40 },
  8: { red: 'bottom left', green: 'top left', width: 20, height: 40 },
}

/** The colour of an embedded JPEG two pixels in from a corner, and its pixel size. */
function decoded(jpeg: Uint8Array | undefined) {
  const image = decode(jpeg ?? new Uint8Array(), { useTArray: true, formatAsRGBA: true })
  const at = (corner: Corner) => {
    const x = corner.endsWith('left') ? 2 : image.width - 3
    const y = corner.startsWith('top') ? 2 : image.height - 3
    return [...image.data.subarray((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)]
  }
  return { width: image.width, height: image.height, at }
}

/** Whether two colours differ by less than a JPEG's loss in any channel. */
const near = (shown: readonly number[], expected: readonly number[]) =>
  expected.every((value, channel) => Math.abs((shown[channel] ?? -999) - value) < 40)

function expectUpright(jpeg: Uint8Array | undefined, orientation: Exclude<Orientation, 1>): void {
  const expected = SHOWN[orientation]
  const picture = decoded(jpeg)
  expect({ width: picture.width, height: picture.height }).toEqual({ width: expected.width, height: expected.height })
  expect(picture.at(expected.red), `red at the ${expected.red}`).toSatisfy((c: number[]) =>
    near(c, CORNER_COLOURS.topLeft),
  )
  expect(picture.at(expected.green), `green at the ${expected.green}`).toSatisfy((c: number[]) =>
    near(c, CORNER_COLOURS.topRight),
  )
  // Nothing left for a program to turn a second time.
  expect(inspectImage(jpeg ?? new Uint8Array())?.orientation).toBe(1)
  expect(Buffer.from(jpeg ?? []).includes('Exif\0')).toBe(false)
}

describe.each([2, 3, 4, 5, 6, 7, 8] as const)('a photo of EXIF orientation %i', (orientation) => {
  const rendered = renderedInEveryFormat(() => dossier(jpegWithOrientation(PHOTO, orientation)))
  const box = { width: (SHOWN[orientation].width * 3) / 4, height: (SHOWN[orientation].height * 3) / 4 }

  it('DOCX: the extent is the box a browser shows it in, the embedded JPEG upright', () => {
    const { drawings, media } = readDocxImages(rendered.docx)
    expect(drawings).toHaveLength(1)
    expect(drawings[0]?.widthEmu).toBe(box.width * EMU_PER_POINT)
    expect(drawings[0]?.heightEmu).toBe(box.height * EMU_PER_POINT)
    expect(drawings[0]?.part).toMatch(/\.jpg$/)
    expectUpright(media[drawings[0]?.part ?? ''], orientation)
  })

  it('ODT: the frame is that box, the picture under Pictures/ upright', () => {
    const { frames, pictures, manifest } = readOdtImages(rendered.odt)
    expect(frames).toMatchObject([
      { href: 'Pictures/afbeelding-1.jpg', width: `${box.width.toFixed(2)}pt`, height: `${box.height.toFixed(2)}pt` },
    ])
    expect(manifest['Pictures/afbeelding-1.jpg']).toBe('image/jpeg')
    expectUpright(pictures['Pictures/afbeelding-1.jpg'], orientation)
  })

  it('PDF: the same box (pdfkit turns the original bytes itself)', async () => {
    const [image] = await readPdfImages(rendered.pdf)
    expect(image).toMatchObject({ width: 40, height: 20 })
    expect(image?.boxWidth).toBeCloseTo(box.width, 1)
    expect(image?.boxHeight).toBeCloseTo(box.height, 1)
  })
})

describe('a photo that no viewer turns', () => {
  it('DOCX and ODT: orientation 1 (or no EXIF block) keeps its exact bytes', async () => {
    for (const jpeg of [jpegWithOrientation(PHOTO, 1), PHOTO]) {
      const docx = readDocxImages(await renderDossier(dossier(jpeg), 'docx'))
      expect(docx.media[docx.drawings[0]?.part ?? '']).toEqual(jpeg)
      expect(docx.drawings[0]?.widthEmu).toBe(30 * EMU_PER_POINT)
      const odt = readOdtImages(await renderDossier(dossier(jpeg), 'odt'))
      expect(odt.pictures['Pictures/afbeelding-1.jpg']).toEqual(jpeg)
    }
  })
})

describe('a turned photo too large to decode (over 4096 × 4096 pixels)', () => {
  /** The photo's frame header saying 5000 × 4000: the renderers read only the header, so that is its size. */
  const large = (jpeg: Uint8Array) => {
    const out = jpeg.slice()
    const sof = out.findIndex((byte, i) => byte === 0xff && out[i + 1] === 0xc0)
    out.set([4000 >> 8, 4000 & 0xff, 5000 >> 8, 5000 & 0xff], sof + 5)
    return out
  }

  it('DOCX and ODT: embedded as stored, without its EXIF block, so that no program turns it into a box of the wrong shape', async () => {
    const turned = jpegWithOrientation(large(PHOTO), 6)
    const bigDossier = dossierWith([imageNode(PHOTO_SRC, 'Grote foto')], {
      [PHOTO_SRC]: dossierImage(turned, 5000, 4000),
    })
    const docx = readDocxImages(await renderDossier(bigDossier, 'docx'))
    expect(docx.media[docx.drawings[0]?.part ?? '']).toEqual(large(PHOTO))
    const drawing = docx.drawings[0]
    expect((drawing?.heightEmu ?? 0) / (drawing?.widthEmu ?? 1)).toBeCloseTo(4000 / 5000, 2)
    const odt = readOdtImages(await renderDossier(bigDossier, 'odt'))
    expect(odt.pictures['Pictures/afbeelding-1.jpg']).toEqual(large(PHOTO))
    const frame = odt.frames[0]
    expect(Number.parseFloat(frame?.height ?? '') / Number.parseFloat(frame?.width ?? '')).toBeCloseTo(0.8, 2)
  })
})
