import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { paragraphText, rangeText } from './anchors.ts'

/** A paragraph "Peel en " + a line break (an embedded node) + "venen", and a second paragraph. */
function paragraphs(): { first: Y.XmlText; second: Y.XmlText; doc: Y.Doc } {
  const doc = new Y.Doc()
  const content = doc.getXmlFragment('content')
  const [p1, p2] = [new Y.XmlElement('paragraph'), new Y.XmlElement('paragraph')]
  content.insert(0, [p1, p2])
  const first = new Y.XmlText()
  const second = new Y.XmlText('Tweede alinea')
  p1.insert(0, [first])
  p2.insert(0, [second])
  first.insert(0, 'Peel en ')
  first.insertEmbed(8, new Y.XmlElement('hardBreak'))
  first.insert(9, 'venen', { bold: true })
  return { first, second, doc }
}

const at = (doc: Y.Doc, type: Y.XmlText, index: number): Y.AbsolutePosition => {
  const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromTypeIndex(type, index), doc)
  if (absolute === null) throw new Error('unresolved')
  return absolute
}

describe('the text a suggestion replaces', () => {
  it('is the plain text between the ends, across formatting', () => {
    const { first, doc } = paragraphs()
    expect(paragraphText(at(doc, first, 0), at(doc, first, 4))).toBe('Peel')
    expect(paragraphText(at(doc, first, 10), at(doc, first, 14))).toBe('enen')
  })

  it('is nothing when the range holds a line break or another node, or spans paragraphs', () => {
    const { first, second, doc } = paragraphs()
    expect(paragraphText(at(doc, first, 5), at(doc, first, 12))).toBeNull()
    expect(paragraphText(at(doc, first, 0), at(doc, second, 3))).toBeNull()
  })
})

describe('what a range reads', () => {
  it('reads text across formatting, line breaks and paragraphs', () => {
    const { first, second, doc } = paragraphs()
    const content = doc.getXmlFragment('content')
    expect(rangeText(content, at(doc, first, 5), at(doc, first, 14))).toBe('en venen')
    expect(rangeText(content, at(doc, first, 10), at(doc, second, 6))).toBe('enenTweede')
    expect(rangeText(content, at(doc, first, 3), at(doc, first, 3))).toBe('')
  })

  it('reads a map as its description, and nothing when the end comes before the start', () => {
    const { first, second, doc } = paragraphs()
    const content = doc.getXmlFragment('content')
    const image = new Y.XmlElement('image')
    image.setAttribute('alt', 'Kaart van de Peel')
    content.insert(1, [image])
    const beforeImage = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromTypeIndex(content, 1),
      doc,
    )
    if (beforeImage === null) throw new Error('unresolved')
    expect(rangeText(content, beforeImage, at(doc, second, 7))).toBe('[Afbeelding: Kaart van de Peel]Tweede ')
    expect(rangeText(content, at(doc, second, 7), at(doc, first, 2))).toBeNull()
  })
})
