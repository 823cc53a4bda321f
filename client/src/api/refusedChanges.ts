// GET /api/documents/<id>/refused-changes: the caller's own changes the server refused in a document,
// newest first, with per section the text they tried to add (docs/signoff.md). Checked here, at the edge.
import { apiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'

export interface KeptRefusedSection {
  readonly sectionId: string
  readonly title: string
  readonly text: string
}

export interface RefusedChange {
  readonly id: number
  /** Milliseconds since the epoch. */
  readonly at: number
  readonly reason: string
  /** Empty when the change added no text (or the server kept none for it). */
  readonly sections: readonly KeptRefusedSection[]
}

export async function fetchRefusedChanges(documentId: string, signal?: AbortSignal): Promise<RefusedChange[]> {
  const body = await requestJson('GET', `/api/documents/${encodeURIComponent(documentId)}/refused-changes`, apiError, {
    signal,
  })
  return Array.isArray(body) ? body.flatMap((item) => parseChange(item) ?? []) : []
}

function parseChange(value: unknown): RefusedChange | null {
  if (!isRecord(value)) return null
  const { id, at, reason, sections } = value
  if (typeof id !== 'number' || typeof at !== 'number' || typeof reason !== 'string' || !Array.isArray(sections))
    return null
  return { id, at, reason, sections: sections.flatMap((s) => parseSection(s) ?? []) }
}

function parseSection(value: unknown): KeptRefusedSection | null {
  if (!isRecord(value)) return null
  const { sectionId, title, text } = value
  if (typeof sectionId !== 'string' || typeof title !== 'string' || typeof text !== 'string') return null
  return { sectionId, title, text }
}
