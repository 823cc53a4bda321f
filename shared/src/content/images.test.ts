import { describe, expect, it } from 'vitest'
import { imageCaption, imagePlainText, imageSrc, isImageQuote, parseImageSrc } from './images.ts'

const ID = '0f'.repeat(32)

describe('image addresses', () => {
  it('reads back the document and image of an address it made', () => {
    expect(parseImageSrc(imageSrc('ontwikkelperspectief-de-peel', ID))).toEqual({
      documentId: 'ontwikkelperspectief-de-peel',
      imageId: ID,
    })
  })

  it.each([
    ['another host', `https://example.com${imageSrc('de-peel', ID)}`],
    ['a protocol-relative address', `//example.com${imageSrc('de-peel', ID)}`],
    ['a query string', `${imageSrc('de-peel', ID)}?v=1`],
    ['an upper-case hash', imageSrc('de-peel', ID.toUpperCase())],
    ['a short hash', imageSrc('de-peel', 'abc')],
    ['a path in the document id', imageSrc('../sessions', ID)],
    ['data', 'data:image/png;base64,AAAA'],
    ['no text', null],
  ])('is not an image address: %s', (_case, src) => {
    expect(parseImageSrc(src)).toBeNull()
  })
})

describe('an image in plain text', () => {
  it('reads as its description, its caption on the next line, and is known again as a quote', () => {
    expect(imagePlainText('Kaart', null)).toBe('[Afbeelding: Kaart]')
    expect(imagePlainText(' Kaart ', ' Figuur 1. Bron: RIVM ')).toBe('[Afbeelding: Kaart]\nFiguur 1. Bron: RIVM')
    expect(imagePlainText('', '')).toBe('[Afbeelding zonder beschrijving]')
    expect(imageCaption('   ')).toBeNull()
    expect(isImageQuote(imagePlainText('Kaart', 'Figuur 1'))).toBe(true)
    expect(isImageQuote(imagePlainText(null))).toBe(true)
    expect(isImageQuote('zie de kaart\n[Afbeelding: Kaart]')).toBe(false)
  })
})
