// A V8 CPU profile of a page over the Chrome DevTools protocol, for finding where keystrokes spend their
// time (`bench:client --profile <file>`): the file opens in Chrome DevTools' Performance panel, and the
// top functions by self time are printed with their script position (the client build has source maps
// to turn a minified position back into a source file).
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'

interface ProfileNode {
  readonly id: number
  readonly callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[]
  readonly samples?: readonly number[]
  readonly timeDeltas?: readonly number[]
}

export interface PageProfile {
  /** Stops, writes the profile and returns the top functions by self time. */
  stop(file: string): Promise<string[]>
}

export async function startPageProfile(page: Page): Promise<PageProfile> {
  const session = await page.context().newCDPSession(page)
  await session.send('Profiler.enable')
  await session.send('Profiler.setSamplingInterval', { interval: 200 })
  await session.send('Profiler.start')
  return {
    async stop(file) {
      const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile }
      writeFileSync(file, JSON.stringify(profile))
      await session.detach()
      return topSelfTime(profile, 25)
    },
  }
}

/** Self time per function (µs summed from the sample deltas), as "ms  name  script:line:column". */
export function topSelfTime(profile: CpuProfile, count: number): string[] {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  samples.forEach((id, i) => {
    const frame = byNode.get(id)?.callFrame
    if (!frame) return
    const key = `${frame.functionName || '(anonymous)'}  ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0))
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`)
}
