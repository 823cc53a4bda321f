// GET /api/documents/<id>/refused-changes: the caller's own changes the server refused in a document,
// newest first, with per section the text they tried to add (docs/signoff.md). Checked here, at the edge.
import type { RefusedChange, RefusedChangeSection } from '@novex/shared'
import { apiError } from './documents.ts'
import { isRecord, requestJson } from './request.ts'

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

function parseSection(value: unknown): RefusedChangeSection | null {
  if (!isRecord(value)) return null
  const { sectionId, title, text } = value
  if (typeof sectionId !== 'string' || typeof title !== 'string' || typeof text !== 'string') return null
  return { sectionId, title, text }
}
