// Reading sections of a Y.Doc in tests, through the shared layout accessors.
import { orderedSections, sectionPlainText } from '@novex/shared'
import * as Y from 'yjs'

export const DE_PEEL = 'ontwikkelperspectief-de-peel'

/** Appends a paragraph with `text` to a section's content, as an editor would. */
export function appendParagraph(fragment: Y.XmlFragment, text: string): void {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  fragment.insert(fragment.length, [p])
}

/** The document as comparable plain data: titles and texts in order. */
export function outline(doc: Y.Doc): string[] {
  return orderedSections(doc).map((s) => `${s.number} ${s.title.toString()} | ${sectionPlainText(s)}`)
}

export async function metric(httpUrl: string, name: string): Promise<number> {
  const text = await (await fetch(`${httpUrl}/metrics`)).text()
  const line = text.split('\n').find((l) => l.startsWith(`novex_${name} `))
  if (!line) throw new Error(`metric ${name} not found`)
  return Number(line.split(' ')[1])
}

export const VOORSTEL_NB = 'ruimtelijk-voorstel-noord-brabant'
export const VOORSTEL_LIMBURG = 'ruimtelijk-voorstel-limburg'

/** Appends a paragraph "<before>[link]" with a sectionLink node, as the editor would. */
export function appendLink(
  fragment: Y.XmlFragment,
  before: string,
  documentId: string,
  sectionId: string,
): Y.XmlElement {
  const paragraph = new Y.XmlElement('paragraph')
  const link = new Y.XmlElement('sectionLink')
  link.setAttribute('documentId', documentId)
  link.setAttribute('sectionId', sectionId)
  paragraph.insert(0, [new Y.XmlText(before), link, new Y.XmlText('.')])
  fragment.push([paragraph])
  return paragraph
}
