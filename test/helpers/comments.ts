// Comment anchors and API calls for tests: anchors are relative positions into a section's content,
// encoded the way the client does (Y.encodeRelativePosition, base64).
import { getSection, type SectionId } from '@novex/shared'
import * as Y from 'yjs'
import type { RunningServer } from './server.ts'
import type { ApiAnswer } from './signoff.ts'

export function firstText(doc: Y.Doc, sectionId: SectionId): Y.XmlText {
  const section = getSection(doc, sectionId)
  const paragraph = section?.content.get(0)
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null
  if (!(text instanceof Y.XmlText)) throw new Error('section has no first text')
  return text
}

const encode = (position: Y.RelativePosition): string =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64')

/** An anchor over [from, to) of a text. */
export function anchorOver(text: Y.XmlText, from: number, to: number): { start: string; end: string } {
  return {
    start: encode(Y.createRelativePositionFromTypeIndex(text, from, 0)),
    end: encode(Y.createRelativePositionFromTypeIndex(text, to, -1)),
  }
}

/** The text an anchor currently covers in a document ('' when it was deleted). */
export function anchoredText(doc: Y.Doc, anchor: { start: string; end: string }): string {
  const resolve = (part: string) =>
    Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(Buffer.from(part, 'base64')), doc)
  const start = resolve(anchor.start)
  const end = resolve(anchor.end)
  if (!start || !end || start.type !== end.type || !(start.type instanceof Y.XmlText)) return ''
  const plain = (start.type.toDelta() as { insert?: unknown }[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
  return plain.slice(start.index, end.index)
}

export async function api<T>(
  server: RunningServer,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const res = await fetch(`${server.httpUrl}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
}
