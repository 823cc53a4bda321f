// The sign-off overview of a document from the API (who I am as a signatory, the ledger, whether
// locked sections still verify), fetched again shortly after each change of the live mirror, so the
// history in the panel follows what everyone sees in the document.
import { useCallback, useEffect, useRef, useState } from 'react'
import { fetchSignoffs, type SignoffOverview } from '../../api/signoff.ts'

export type OverviewResult =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: SignoffOverview }
  | { readonly state: 'failed'; readonly status: number; readonly message: string }

/** How long to wait after a mirror change before fetching: one fetch for a sign + lock burst. */
const REFRESH_DELAY_MS = 250

export function useSignoffOverview(
  documentId: string,
  mirrorVersion: number,
): { readonly result: OverviewResult; readonly reload: () => void } {
  const [result, setResult] = useState<OverviewResult>({ state: 'loading' })
  const [round, setRound] = useState(0)
  const hasValue = useRef(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: mirrorVersion and round are the triggers for a refetch.
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(
      () => {
        fetchSignoffs(documentId, controller.signal).then(
          (value) => {
            hasValue.current = true
            setResult({ state: 'ready', value })
          },
          (error: unknown) => {
            if (controller.signal.aborted) return
            const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : 0
            const message = error instanceof Error ? error.message : 'Het overzicht kon niet worden geladen.'
            setResult({ state: 'failed', status, message })
          },
        )
      },
      hasValue.current ? REFRESH_DELAY_MS : 0,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [documentId, mirrorVersion, round])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { result, reload }
}
