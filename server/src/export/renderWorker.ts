// The export pool's worker thread (exportPool.ts): renders one dossier per task. The renderers are pure,
// so the same code runs here and in the unit tests on the main thread. It also checks an uploaded image's
// pixels whole (`imageIsWhole`), which for a large map takes tens of milliseconds the sync loop should not give.
import type { Dossier, ExportFormat } from './dossier.ts'
import { inspectImage } from './imageBytes.ts'
import { renderDossier } from './renderDossier.ts'

export interface RenderTask {
  readonly dossier: Dossier
  readonly format: ExportFormat
}

export default function render(task: RenderTask): Promise<Uint8Array> {
  return renderDossier(task.dossier, task.format)
}

/** Whether the bytes are a PNG or JPEG every export can show (the check the renderers make, imageBytes.ts). */
export function imageIsWhole(bytes: Uint8Array): boolean {
  return inspectImage(bytes) !== null
}
