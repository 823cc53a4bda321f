// The text of the client benchmark's large ontwikkelperspectief: the paragraphs of the B4 trace's final
// text (the paper as Kleppmann finished typing it, `endContent`; b4Document.ts checks that replaying the
// trace ends there), repeated until the document has the asked number of words, and spread in order over
// the eight sections: each section gets an equal share of consecutive paragraphs, as a real perspective
// would have a few thousand words per component.
import { readB4Trace } from '../b4Document.ts'

export interface PerspectiveText {
  /** One array of paragraphs per section, in section order. */
  readonly sections: readonly (readonly string[])[]
  readonly words: number
  readonly paragraphs: number
}

const countWords = (text: string): number => text.split(/\s+/).filter((w) => w.length > 0).length

/** The trace's text as paragraphs: blank lines separate them, the lines inside one are joined. */
function traceParagraphs(): string[] {
  return readB4Trace()
    .endContent.split(/\n\s*\n/)
    .map((block) => block.replace(/\s*\n\s*/g, ' ').trim())
    .filter((paragraph) => paragraph.length > 0)
}

export function perspectiveText(words: number, sectionCount: number): PerspectiveText {
  const source = traceParagraphs()
  const paragraphs: string[] = []
  let total = 0
  for (let i = 0; total < words; i++) {
    const paragraph = source[i % source.length] ?? ''
    paragraphs.push(paragraph)
    total += countWords(paragraph)
  }
  const perSection = Math.ceil(paragraphs.length / sectionCount)
  const sections = Array.from({ length: sectionCount }, (_, s) =>
    paragraphs.slice(s * perSection, (s + 1) * perSection),
  )
  return { sections, words: total, paragraphs: paragraphs.length }
}
