import { describe, expect, it } from 'vitest'
import { filenameFrom } from './downloadDossier.ts'

describe('filenameFrom', () => {
  it('reads the quoted, the bare and the RFC 5987 file name', () => {
    expect(filenameFrom('attachment; filename="ontwikkelperspectief-de-peel-dossier.md"')).toBe(
      'ontwikkelperspectief-de-peel-dossier.md',
    )
    expect(filenameFrom('attachment; filename=dossier.pdf')).toBe('dossier.pdf')
    expect(filenameFrom(`attachment; filename="x.odt"; filename*=UTF-8''De%20Peel%20%E2%80%94%20dossier.odt`)).toBe(
      'De Peel — dossier.odt',
    )
  })

  it('gives null without a usable name', () => {
    expect(filenameFrom(null)).toBeNull()
    expect(filenameFrom('attachment')).toBeNull()
  })
})
