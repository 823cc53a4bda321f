// The sign-off overview of a document from the API (who I am as a signatory, the ledger, whether
// locked sections still verify), fetched again shortly after each change of the live mirror, so the
// history in the panel follows what everyone sees in the document.
import { type ClientSignoffOverview, fetchSignoffs } from '../../api/signoff.ts'
import { type RefetchedResult, useRefetchingApi } from '../../api/useRefetchingApi.ts'

export type OverviewResult = RefetchedResult<ClientSignoffOverview>

export function useSignoffOverview(documentId: string, mirrorVersion: number) {
  return useRefetchingApi(
    (signal) => fetchSignoffs(documentId, signal),
    documentId,
    mirrorVersion,
    // Shown texts are chosen by status where the result is shown, in the interface language.
    '',
  )
}
