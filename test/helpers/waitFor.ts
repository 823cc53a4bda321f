// Waits that time out instead of bare sleeps: poll a condition until it holds or the deadline passes.
export interface WaitOptions {
  readonly timeout?: number
  readonly interval?: number
  readonly message?: string
}

export async function waitFor<T>(
  condition: () => T | Promise<T>,
  { timeout = 10_000, interval = 20, message = 'condition' }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout
  let lastError: unknown = null
  for (;;) {
    try {
      const value = await condition()
      if (value) return value as NonNullable<T>
    } catch (error) {
      lastError = error
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? `: ${lastError.message}` : ''
      throw new Error(`waitFor timed out after ${timeout} ms waiting for ${message}${cause}`)
    }
    await new Promise((resolve) => setTimeout(resolve, interval))
  }
}
