// Data from the API that follows a live change: fetched at once, then again shortly after every change
// of `trigger` (a counter the caller bumps when, e.g., the sign-off mirror changes) and on `reload`.
// One fetch for a burst of changes; an aborted fetch never reports.
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, apiErrorCode } from './documents.ts'

export type RefetchedResult<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly status: number; readonly message: string; readonly code: string | null }

/** How long to wait after a change before fetching: one fetch for a sign + lock burst. */
const REFRESH_DELAY_MS = 250

export function useRefetchingApi<T>(
  fetcher: (signal: AbortSignal) => Promise<T>,
  key: string,
  trigger: number,
  failureMessage: string,
): { readonly result: RefetchedResult<T>; readonly reload: () => void } {
  const [result, setResult] = useState<RefetchedResult<T>>({ state: 'loading' })
  const [round, setRound] = useState(0)
  const hasValue = useRef(false)
  const fetchRef = useRef(fetcher)
  fetchRef.current = fetcher

  // biome-ignore lint/correctness/useExhaustiveDependencies: key, trigger and round are the triggers for a refetch.
  useEffect(() => {
    const controller = new AbortController()
    const timer = setTimeout(
      () => {
        fetchRef.current(controller.signal).then(
          (value) => {
            hasValue.current = true
            setResult({ state: 'ready', value })
          },
          (error: unknown) => {
            if (controller.signal.aborted) return
            if (error instanceof ApiError)
              setResult({ state: 'failed', status: error.status, message: error.message, code: apiErrorCode(error) })
            else setResult({ state: 'failed', status: 0, message: failureMessage, code: null })
          },
        )
      },
      hasValue.current ? REFRESH_DELAY_MS : 0,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [key, trigger, round])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  return { result, reload }
}
