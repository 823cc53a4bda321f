// The export pool's worker thread (exportPool.ts): renders one dossier per task. The renderers are pure,
// so the same code runs here and in the unit tests on the main thread. It also checks an uploaded image's
// pixels whole (`imageIsWhole`), which for a large PNG map takes tens of milliseconds, and for a JPEG
// photo (decoded whole) up to a few seconds, that the sync loop should not give.
import type { Dossier, ExportFormat } from './dossier.ts'
import { inspectImage } from './imageBytes.ts'
import { jpegDamaged } from './jpegDecoder.ts'
import { renderDossier } from './renderDossier.ts'

export interface RenderTask {
  readonly dossier: Dossier
  readonly format: ExportFormat
}

export default function render(task: RenderTask): Promise<Uint8Array> {
  return renderDossier(task.dossier, task.format)
}

/**
 * Whether the bytes are a PNG or JPEG every export can show: the check the renderers make (imageBytes.ts),
 * and for a JPEG also its compressed data decoded, so that one certainly damaged there is refused at
 * upload rather than shown as a broken picture (jpegDecoder.ts says what it can and cannot find).
 */
export function imageIsWhole(bytes: Uint8Array): boolean {
  const facts = inspectImage(bytes)
  if (facts === null) return false
  return facts.format !== 'jpg' || !jpegDamaged(bytes, facts)
}
