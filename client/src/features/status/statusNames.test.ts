// The Dutch status names of the editor and the Dutch titles the exports print are one set of words.
import { DOCUMENT_STATUS_TITLES, DOCUMENT_STATUSES } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { catalogue } from '../../i18n/catalogue.ts'

describe('the status names', () => {
  it('are the same in the Dutch interface as in the exported dossier', () => {
    const names = (catalogue().nl?.status as { names: Record<string, string> } | undefined)?.names
    for (const status of DOCUMENT_STATUSES) expect(names?.[status], status).toBe(DOCUMENT_STATUS_TITLES[status])
  })
})
