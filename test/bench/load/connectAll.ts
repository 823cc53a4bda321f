// Opens many sockets a few at a time (a burst of hundreds of upgrades measures the accept queue, not
// the server) and waits until all are synced.
export async function connectAll<T>(
  count: number,
  open: (i: number) => T,
  synced: (t: T) => Promise<unknown>,
  parallel = 25,
): Promise<T[]> {
  const all: T[] = []
  for (let start = 0; start < count; start += parallel) {
    const batch: T[] = []
    for (let i = start; i < Math.min(count, start + parallel); i++) batch.push(open(i))
    await Promise.all(batch.map(synced))
    all.push(...batch)
  }
  return all
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Polls `condition` every 20 ms until it holds or `timeoutMs` passed; returns whether it held. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs
  while (!condition()) {
    if (performance.now() > deadline) return false
    await sleep(20)
  }
  return true
}
