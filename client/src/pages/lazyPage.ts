// A page whose code is a separate chunk, loaded on first use, and loaded again when that fails.
//
// A chunk fetch can fail for reasons that pass: a connection reset, a server restarting, a proxy
// timing out. Browsers no longer keep a failed module fetch in their module map (whatwg/html#10327;
// Chromium 156 fetches again, checked by hand), so importing it again a moment later is a real retry.
// After the last attempt the error is a PageCodeError, which PageBoundary shows as "could not be
// loaded" with a reload, rather than as a page that crashed.
import { type ComponentType, type LazyExoticComponent, lazy } from 'react'

/** Waits between the attempts: the first retry at once, the next after a second, the last after three. */
export const PAGE_RETRY_DELAYS_MS: readonly number[] = [0, 1_000, 3_000]

export class PageCodeError extends Error {
  override readonly name = 'PageCodeError'
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Calls `load` until it succeeds, at most once more per entry of `delays`; then throws a PageCodeError. */
export async function loadWithRetry<T>(load: () => Promise<T>, delays: readonly number[]): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load()
    } catch (error) {
      const delay = delays[attempt]
      if (delay === undefined) {
        const reason = error instanceof Error ? error.message : String(error)
        throw new PageCodeError(`page code not loaded after ${attempt + 1} attempts: ${reason}`, { cause: error })
      }
      await pause(delay)
    }
  }
}

/** React.lazy for a page module: `pick` names the page component in the loaded module. */
export function lazyPage<M, P extends object>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<P>,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: pick(await loadWithRetry(load, PAGE_RETRY_DELAYS_MS)) }))
}
