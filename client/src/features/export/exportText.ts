// The words of the dossier export that are built from data: the failure a user reads (by status and
// the server's code, in the interface language) and a file size. `t` reads the `export` namespace.
import type { TFunction } from 'i18next'
import { ownWords, type ShownError } from '../signoff/apiError.ts'
import { ExportError } from './downloadDossier.ts'

/** The failure as shown; a 409 the client has no words for quotes the server's reason in its sentence. */
export function exportError(t: TFunction, error: unknown): ShownError {
  if (!(error instanceof ExportError)) return ownWords(t('export:errors.failed'))
  const { status, code, message } = error
  if (status === 0) return ownWords(t('export:errors.unreachable'))
  if (code === 'hash_mismatch') return ownWords(t('export:errors.hashMismatch'))
  if (code === 'invalid_format') return ownWords(t('signoff:errors.invalid_format'))
  if (code === 'export_busy') return ownWords(t('export:errors.busy'))
  if (status === 409) return ownWords(t('export:errors.conflict', { reason: message }))
  if (status >= 500) return ownWords(t('export:errors.server'))
  if (status === 401) return ownWords(t('export:errors.unauthorized'))
  if (status === 403) return ownWords(t('export:errors.forbidden'))
  return message !== '' ? { text: message, serverWords: true } : ownWords(t('export:errors.failed'))
}

/** "512 bytes", "12 kB", "1,4 MB" (decimal comma in Dutch, point in English). */
export function formatBytes(t: TFunction, language: string, bytes: number): string {
  const decimals = new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })
  if (bytes < 1024) return t('export:bytes', { n: bytes })
  if (bytes < 1024 * 1024) return t('export:kilobytes', { n: Math.round(bytes / 1024) })
  return t('export:megabytes', { n: decimals.format(Math.round((bytes / (1024 * 1024)) * 10) / 10) })
}
