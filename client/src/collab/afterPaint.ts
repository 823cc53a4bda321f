// Runs work just after the next frame is painted, so that it stays out of the time between an input
// and the frame that shows it: a requestAnimationFrame callback runs before the paint, a timeout queued
// from it after. A hidden page draws no frames, so the work runs after `latestMs` at the latest.

/** Schedules `callback` once; the returned function cancels it. */
export function afterPaint(win: Window, callback: () => void, latestMs: number): () => void {
  let frame: number | null = null
  let afterFrame: ReturnType<typeof setTimeout> | null = null
  let latest: ReturnType<typeof setTimeout> | null = null
  const cancel = (): void => {
    if (frame !== null) win.cancelAnimationFrame(frame)
    if (afterFrame !== null) clearTimeout(afterFrame)
    if (latest !== null) clearTimeout(latest)
    frame = afterFrame = latest = null
  }
  const run = (): void => {
    cancel()
    callback()
  }
  frame = win.requestAnimationFrame(() => {
    frame = null
    afterFrame = setTimeout(run, 0)
  })
  latest = setTimeout(run, latestMs)
  return cancel
}
