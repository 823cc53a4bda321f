// What a user reads when an export fails: the server's code decides the sentence, in the interface language.
import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { ExportError } from './downloadDossier.ts'
import { exportError } from './exportText.ts'

describe('exportError', () => {
  const dutch = createI18n('nl').t
  const english = createI18n('en').t

  it('asks to try again in a minute when the server is busy making dossiers (503 export_busy)', () => {
    const busy = new ExportError(503, 'export_busy', 'Er worden nu veel dossiers tegelijk gemaakt.')
    expect(exportError(dutch, busy)).toEqual({
      text: 'Er worden nu veel dossiers tegelijk gemaakt. Probeer het over een minuut opnieuw.',
      serverWords: false,
    })
    expect(exportError(english, busy).text).toBe(
      'Many dossiers are being made at the moment. Please try again in a minute.',
    )
  })

  it('keeps the general server failure for other 5xx answers', () => {
    const failed = new ExportError(500, 'internal', 'Er ging iets mis.')
    expect(exportError(dutch, failed).text).toBe(
      'De server kon het dossier niet maken. Probeer het over een paar minuten opnieuw.',
    )
  })
})
