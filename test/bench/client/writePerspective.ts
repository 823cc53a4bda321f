// Writes the benchmark text into a demo ontwikkelperspectief the way a person's edits reach the server:
// through a real y-websocket provider (logged in as a demo author), the update gate and SQLite. The
// paragraphs are appended after the demo text of each of the eight component sections, a batch of them
// per transaction so that the per-user update rate limit is never the subject.
import { orderedSections } from '@novex/shared'
import * as Y from 'yjs'
import { connectClient } from '../../helpers/client.ts'
import type { RunningServer } from '../../helpers/server.ts'
import type { PerspectiveText } from './perspectiveText.ts'

const PARAGRAPHS_PER_TRANSACTION = 20

export interface WrittenPerspective {
  /** Section ids in document order. */
  readonly sectionIds: readonly string[]
  /** Paragraphs in all section editors once written (the demo's own plus ours). */
  readonly paragraphs: number
  /** The same per section, in document order. */
  readonly paragraphsPerSection: readonly number[]
  /** Size of the whole document as one update (what a fresh page downloads). */
  readonly documentBytes: number
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

export async function writePerspective(
  server: RunningServer,
  cookie: string,
  documentId: string,
  text: PerspectiveText,
): Promise<WrittenPerspective> {
  const client = connectClient(server, documentId, { cookie })
  try {
    await client.synced()
    const sections = orderedSections(client.doc).filter((s) => s.depth === 0 && s.component !== null)
    if (sections.length !== text.sections.length)
      throw new Error(`${documentId} has ${sections.length} component sections, expected ${text.sections.length}`)
    for (const [index, section] of sections.entries()) {
      const paragraphs = text.sections[index] ?? []
      for (let start = 0; start < paragraphs.length; start += PARAGRAPHS_PER_TRANSACTION) {
        const batch = paragraphs.slice(start, start + PARAGRAPHS_PER_TRANSACTION)
        client.doc.transact(() => section.content.insert(section.content.length, batch.map(paragraph)))
      }
    }
    await client.saved(120_000)
    if (client.refusals.length > 0) throw new Error(`the server refused the text: ${JSON.stringify(client.refusals)}`)
    return {
      sectionIds: sections.map((s) => s.id),
      paragraphs: sections.reduce((sum, s) => sum + s.content.length, 0),
      paragraphsPerSection: sections.map((s) => s.content.length),
      documentBytes: Y.encodeStateAsUpdate(client.doc).byteLength,
    }
  } finally {
    client.destroy()
  }
}
