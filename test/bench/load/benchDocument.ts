// The document every typing workload starts from: one section (through the shared layout accessors, so
// our update gate accepts it) whose content is one paragraph to type into. Every client applies the same
// seed before connecting, so the structure exists everywhere from the start and nobody races to create it.
import { createSection, listSections, rankBetween } from '@novex/shared'
import * as Y from 'yjs'

const TITLE = 'Benchmark'

export function seedUpdate(paragraph = 'Begin. '): Uint8Array {
  const doc = new Y.Doc()
  createSection(doc, { title: TITLE, rank: rankBetween(null, null), paragraphs: [paragraph] })
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** The text of the first paragraph of the first section. */
export function typingTarget(doc: Y.Doc): Y.XmlText {
  const section = listSections(doc).find((s) => s.title.toString() === TITLE)
  const paragraph = section?.content.get(0)
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  if (!(text instanceof Y.XmlText)) throw new Error('the benchmark document has no paragraph')
  return text
}
