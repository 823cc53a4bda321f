// The export pool's worker thread (exportPool.ts): renders one dossier per task. The renderers are pure,
// so the same code runs here and in the unit tests on the main thread.
import type { Dossier, ExportFormat } from './dossier.ts'
import { renderDossier } from './renderDossier.ts'

export interface RenderTask {
  readonly dossier: Dossier
  readonly format: ExportFormat
}

export default function render(task: RenderTask): Promise<Uint8Array> {
  return renderDossier(task.dossier, task.format)
}
