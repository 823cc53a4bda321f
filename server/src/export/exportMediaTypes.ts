// Media type and file extension per export format, for Content-Type and Content-Disposition. Apart from
// the renderers (renderDossier.ts) so that the HTTP API can name a format without loading docx, pdfkit
// and xmlbuilder2: those stay in the export pool's workers. With them the server thread's idle heap was
// 31 MB, without them 17 MB (mainThreadImports.test.ts keeps it so).
import type { ExportFormat } from './dossier.ts'

export const EXPORT_MEDIA_TYPES: Readonly<
  Record<ExportFormat, { readonly mediaType: string; readonly extension: string }>
> = {
  pdf: { mediaType: 'application/pdf', extension: 'pdf' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  odt: { mediaType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  md: { mediaType: 'text/markdown; charset=utf-8', extension: 'md' },
}
