// The BO-MIRT readiness of a document from the API, fetched again shortly after every change of the
// live sign-off mirror (a signature, a lock, a reopen) or of its reactions, and on demand.
import type { Readiness } from '@novex/shared'
import { fetchReadiness } from '../../api/signoff.ts'
import { type RefetchedResult, useRefetchingApi } from '../../api/useRefetchingApi.ts'

export type ReadinessResult = RefetchedResult<Readiness>

/** `version`: grows with every change the readiness may follow. */
export function useReadiness(documentId: string, version: number) {
  return useRefetchingApi(
    (signal) => fetchReadiness(documentId, signal),
    documentId,
    version,
    // Shown texts are chosen by status where the result is shown, in the interface language.
    '',
  )
}
