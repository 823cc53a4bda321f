// The one entry point for the export route: a dossier and a format in, the file's bytes out.
import type { Dossier, ExportFormat } from './dossier.ts'
import type { OnProgress } from './dossierLayout.ts'
import { renderDocx } from './renderDocx.ts'
import { renderMarkdown } from './renderMarkdown.ts'
import { renderOdt } from './renderOdt.ts'
import { renderPdf } from './renderPdf.ts'

export type { OnProgress } from './dossierLayout.ts'

const RENDERERS: Readonly<Record<ExportFormat, (dossier: Dossier, onProgress?: OnProgress) => Promise<Uint8Array>>> = {
  pdf: renderPdf,
  docx: renderDocx,
  odt: renderOdt,
  md: renderMarkdown,
}

/** Renders the dossier; onProgress(done, total) after each section and once more after the appendix. */
export function renderDossier(
  dossier: Dossier,
  format: ExportFormat,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array> {
  return RENDERERS[format](dossier, onProgress)
}
