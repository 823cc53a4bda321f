import { describe, expect, it } from 'vitest'
import { linkMark, splitLinkMarks, withoutLinkMarkChars } from './linkMarks.ts'

describe('link marks', () => {
  it('give back the fields of each mark, in place, and the text around them', () => {
    const text = `Zie ${linkMark(['doc', 'sectie', '4', 'Wonen'])} en ${linkMark(['a', 'b'])}.`
    expect(splitLinkMarks(text)).toEqual(['Zie ', ['doc', 'sectie', '4', 'Wonen'], ' en ', ['a', 'b'], '.'])
  })

  it('never take typed text for a mark once its mark characters are taken out, as the writer does', () => {
    const typed = 'a\uFFF9b\uFFFAc\uFFFBd'
    expect(withoutLinkMarkChars(typed)).toBe('abcd')
    expect(splitLinkMarks(`${withoutLinkMarkChars(typed)}${linkMark(['x'])}`)).toEqual(['abcd', ['x']])
    // A stray mark character outside a whole mark is dropped from the text.
    expect(splitLinkMarks('a\uFFFAb\uFFFB')).toEqual(['ab'])
    // A field that held them (a title) comes back without them, and the mark stays one mark.
    expect(splitLinkMarks(`x${linkMark(['t\uFFFBi\uFFFAtel'])}y`)).toEqual(['x', ['titel'], 'y'])
  })

  it('keep a text without marks as one piece, and an empty text as none', () => {
    expect(splitLinkMarks('Gewoon tekst')).toEqual(['Gewoon tekst'])
    expect(splitLinkMarks('')).toEqual([])
    expect(splitLinkMarks(linkMark(['d', 's']))).toEqual([['d', 's']])
  })
})
