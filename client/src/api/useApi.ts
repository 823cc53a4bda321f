// Loads one API resource for a component, with abort on unmount and a typed outcome.
import { useEffect, useState } from 'react'
import { ApiError } from './documents.ts'

export type ApiResult<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'failed'; readonly status: number; readonly message: string }

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
        if (error instanceof ApiError) setResult({ state: 'failed', status: error.status, message: error.message })
        else setResult({ state: 'failed', status: 0, message: 'Er ging iets mis bij het laden.' })
      },
    )
    return () => controller.abort()
  }, [key])
  return result
}
