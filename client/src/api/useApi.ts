// Loads one API resource for a component, with abort on unmount and a typed outcome.
import { useEffect, useState } from 'react'
import { ApiError, apiErrorCode } from './documents.ts'

export type ApiResult<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | {
      readonly state: 'failed'
      readonly status: number
      /** The server's own text, for when the client has no catalogue text for `code`. */
      readonly message: string
      /** The server's error code (`not_found`, …), `unreachable` or `unexpected`; null if none was sent. */
      readonly code: string | null
    }

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ApiResult<T> {
  const [result, setResult] = useState<ApiResult<T>>({ state: 'loading' })
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` identifies the resource; `load` is a new closure every render.
  useEffect(() => {
    const controller = new AbortController()
    setResult({ state: 'loading' })
    load(controller.signal).then(
      (value) => setResult({ state: 'ready', value }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        if (error instanceof ApiError)
          setResult({ state: 'failed', status: error.status, message: error.message, code: apiErrorCode(error) })
        else setResult({ state: 'failed', status: 0, message: '', code: 'unexpected' })
      },
    )
    return () => controller.abort()
  }, [key])
  return result
}
