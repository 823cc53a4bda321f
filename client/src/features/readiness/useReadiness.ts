// The BO-MIRT readiness of a document from the API, fetched again shortly after every change of the
// live sign-off mirror (a signature, a lock, a reopen) and on demand.
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '../../api/documents.ts'
import { fetchReadiness, type Readiness } from '../../api/signoff.ts'

export type ReadinessResult =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: Readiness }
  | { readonly state: 'failed'; readonly status: number; readonly message: string }

const REFRESH_DELAY_MS = 250

export function useReadiness(
  documentId: string,
  mirrorVersion: number,
): { readonly result: ReadinessResult; readonly reload: () => void } {
  const [result, setResult] = useState<ReadinessResult>({ state: 'loading' })
  const [round, setRound] = useState(0)
  const hasValue = useRef(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: mirrorVersion and round are the triggers for a refetch.
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(
      () => {
        fetchReadiness(documentId, controller.signal).then(
          (value) => {
            hasValue.current = true
            setResult({ state: 'ready', value })
          },
          (error: unknown) => {
            if (controller.signal.aborted) return
            if (error instanceof ApiError) setResult({ state: 'failed', status: error.status, message: error.message })
            else setResult({ state: 'failed', status: 0, message: 'Het overzicht kon niet worden geladen.' })
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
