import { describe, expect, it } from 'vitest'
import { loadWithRetry, PageCodeError } from './lazyPage.ts'

/** A loader that fails `failures` times with a fetch error, then returns 'page'; counts its calls. */
function flakyLoader(failures: number): { load: () => Promise<string>; calls: () => number } {
  let calls = 0
  return {
    load: async () => {
      calls++
      if (calls <= failures) throw new TypeError('Failed to fetch dynamically imported module: /assets/Page.js')
      return 'page'
    },
    calls: () => calls,
  }
}

describe('loadWithRetry', () => {
  it('loads at once when the first attempt succeeds', async () => {
    const loader = flakyLoader(0)
    expect(await loadWithRetry(loader.load, [0, 0])).toBe('page')
    expect(loader.calls()).toBe(1)
  })

  it('loads the page when a later attempt succeeds', async () => {
    const loader = flakyLoader(2)
    expect(await loadWithRetry(loader.load, [0, 5])).toBe('page')
    expect(loader.calls()).toBe(3)
  })

  it('gives up after one attempt per delay plus the first, with a PageCodeError that keeps the cause', async () => {
    const loader = flakyLoader(10)
    const failure = loadWithRetry(loader.load, [0, 5])
    await expect(failure).rejects.toBeInstanceOf(PageCodeError)
    await expect(failure).rejects.toThrow('page code not loaded after 3 attempts: Failed to fetch')
    expect(loader.calls()).toBe(3)
    const cause = await failure.catch((error: Error) => error.cause)
    expect(cause).toBeInstanceOf(TypeError)
  })

  it('waits the given delay before trying again', async () => {
    const loader = flakyLoader(1)
    const started = performance.now()
    await loadWithRetry(loader.load, [60])
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })
})
