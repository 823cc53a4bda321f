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

/** A table cell as the editor writes it: its attributes as plain values, one paragraph of `text`. */
export interface TableCellSpec {
  readonly text: string
  readonly header?: boolean
  readonly attrs?: Readonly<Record<string, unknown>>
}

/** A table element as the editor writes it (rows of header and body cells, each holding a paragraph). */
export function tableElement(rows: readonly (readonly TableCellSpec[])[]): Y.XmlElement {
  const element = (name: string, attrs: Readonly<Record<string, unknown>>, children: (Y.XmlElement | Y.XmlText)[]) => {
    const node = new Y.XmlElement(name)
    // y-prosemirror stores a node attribute as its plain value (a number, a list); Yjs types it as a string.
    for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string)
    node.insert(0, children)
    return node
  }
  return element(
    'table',
    {},
    rows.map((cells) =>
      element(
        'tableRow',
        {},
        cells.map((cell) =>
          element(cell.header ? 'tableHeader' : 'tableCell', { colspan: 1, rowspan: 1, ...cell.attrs }, [
            element('paragraph', {}, [new Y.XmlText(cell.text)]),
          ]),
        ),
      ),
    ),
  )
}
