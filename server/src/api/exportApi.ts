// GET /api/documents/<id>/export?format=pdf|docx|odt|md: the BO-MIRT dossier. Every locked section's
// hash is verified against the stored content first; a mismatch stops the export, loudly.
import type { ServerResponse } from 'node:http'
import type { User } from '../accounts/accountStore.ts'
import { EXPORT_FORMATS, type ExportFormat } from '../export/dossier.ts'
import { EXPORT_MEDIA_TYPES } from '../export/exportMediaTypes.ts'
import { ExportBusy, type ExportPool } from '../export/exportPool.ts'
import { dossierImages } from '../images/dossierImages.ts'
import type { ImageStore } from '../images/imageStore.ts'
import { withLinkReferences } from '../links/linkReferences.ts'
import type { Metrics } from '../metrics.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { dossierFromRoom } from '../signoff/dossierFromRoom.ts'
import { ApiError } from './respond.ts'
import { openable, type SignoffApiDeps } from './signoffApi.ts'

function isExportFormat(value: string | null): value is ExportFormat {
  return value !== null && (EXPORT_FORMATS as readonly string[]).includes(value)
}

export interface ExportApiDeps extends SignoffApiDeps {
  /** Renders off the event loop. */
  readonly exports: ExportPool
  readonly metrics: Metrics
  readonly images: ImageStore
}

export async function handleExport(
  deps: ExportApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
  format: string | null,
): Promise<void> {
  // A user who leaves (closes the tab, cancels the download) stops the rendering, or keeps it from starting.
  const gone = new AbortController()
  res.on('close', () => gone.abort())
  const record = openable(deps, user, documentId)
  if (!isExportFormat(format))
    throw new ApiError(400, 'invalid_format', 'Kies een exportformaat: pdf, docx, odt of md.')
  const bytes = await renderDossierFor(deps, user, record, format, gone.signal)
  if (bytes === null) return
  deps.metrics.exportsRendered += 1
  if (res.destroyed) return
  res.writeHead(200, {
    'content-type': EXPORT_MEDIA_TYPES[format].mediaType,
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="${record.id}-dossier.${EXPORT_MEDIA_TYPES[format].extension}"`,
    'cache-control': 'no-store',
  })
  res.end(bytes)
}

/**
 * The dossier of a document as `user` sees it (their links), rendered off the event loop; null when
 * `signal` stopped it. Refused (409) when a locked section no longer matches what was signed, and (503)
 * when too many dossiers are being made at once.
 */
export async function renderDossierFor(
  deps: ExportApiDeps,
  user: User,
  record: DocumentRecord,
  format: ExportFormat,
  signal: AbortSignal,
): Promise<Uint8Array | null> {
  const dossier = await deps.withRoom(record.id, (room) => {
    const mismatches = deps.signoffs.verify(room)
    if (mismatches.length > 0)
      throw new ApiError(
        409,
        'hash_mismatch',
        `De opgeslagen tekst van ${mismatches.length} ondertekend onderdeel/onderdelen komt niet overeen met wat is ondertekend. Het dossier wordt niet gemaakt; neem contact op met de beheerder.`,
      )
    return dossierFromRoom(record, room, deps.signoffs, Date.now())
  })
  const links = await deps.links.outgoing(user, record.id)
  if (signal.aborted) {
    deps.metrics.exportsCancelled += 1
    return null
  }
  const referenced = {
    ...dossier,
    sections: dossier.sections.map((s) => ({ ...s, content: withLinkReferences(s.content, s.sectionId, links) })),
    images: dossierImages(record.id, dossier.sections, deps.images),
  }
  return deps.exports.render(referenced, format, signal).catch((error: unknown) => {
    if (signal.aborted) {
      deps.metrics.exportsCancelled += 1
      return null
    }
    if (error instanceof ExportBusy) {
      deps.metrics.exportsRefused += 1
      throw new ApiError(
        503,
        'export_busy',
        'Er worden nu veel dossiers tegelijk gemaakt. Probeer het over een minuut opnieuw.',
      )
    }
    throw error
  })
}
