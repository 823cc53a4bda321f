// The export pool's worker thread (exportPool.ts): renders one dossier per task. The renderers are pure,
// so the same code runs here and in the unit tests on the main thread. It also checks an uploaded image's
// pixels whole (`checkUpload`), which for a large PNG map takes tens of milliseconds, and for a JPEG
// photo (decoded whole) up to a few seconds, that the sync loop should not give; a photo on its side (EXIF
// orientation) is turned upright there once.
import type { Dossier, ExportFormat } from './dossier.ts'
import { inspectImage } from './imageBytes.ts'
import { jpegDamaged } from './jpegDecoder.ts'
import { renderDossier } from './renderDossier.ts'
import { turnedUpright } from './uprightJpeg.ts'

export interface RenderTask {
  readonly dossier: Dossier
  readonly format: ExportFormat
}

export default function render(task: RenderTask): Promise<Uint8Array> {
  return renderDossier(task.dossier, task.format)
}

/** What an upload's check found: whether to take it, and the bytes to keep instead of the ones sent. */
export interface UploadCheck {
  readonly whole: boolean
  /**
   * A phone photo (a JPEG of EXIF orientation 2–8) as it is shown: turned upright once, here, so that no
   * export has to turn it again (2.6 s per 12-megapixel photo in each DOCX and ODT export); null: keep
   * the bytes as sent (upright already, a PNG, or a JPEG that cannot be turned).
   */
  readonly upright: Uint8Array | null
}

/**
 * Whether the bytes are a PNG or JPEG every export can show: the check the renderers make (imageBytes.ts),
 * and for a JPEG also its compressed data decoded, so that one certainly damaged there is refused at
 * upload rather than shown as a broken picture (jpegDecoder.ts says what it can and cannot find).
 */
export function checkUpload(bytes: Uint8Array): UploadCheck {
  const facts = inspectImage(bytes)
  if (facts === null || (facts.format === 'jpg' && jpegDamaged(bytes, facts))) return { whole: false, upright: null }
  if (facts.format !== 'jpg' || facts.orientation === 1) return { whole: true, upright: null }
  return { whole: true, upright: turnedUpright({ ...facts, data: bytes })?.data ?? null }
}
