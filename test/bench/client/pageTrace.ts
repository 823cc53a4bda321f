// A Chromium trace of the page while typing (`bench:client --trace <file>`), summarised: where the
// renderer's main thread spends its time per kind of work (script, style, layout, paint, …). A CPU profile
// only shows script; the native rendering work of a 50,000-word page appears there as "(program)".
import { readFileSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'

interface TraceEvent {
  readonly name: string
  readonly ph: string
  readonly pid: number
  readonly tid: number
  readonly dur?: number
  readonly args?: { readonly name?: string; readonly beginData?: { dirtyObjects?: number; totalObjects?: number } }
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing']

/** The kinds of main-thread work worth naming; everything else is summed as "other". */
const KINDS = [
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'HitTest',
  'MajorGC',
  'MinorGC',
  'V8.GC_SCAVENGER',
] as const

export interface PageTrace {
  /** Stops tracing and returns the summary lines. */
  stop(): Promise<string[]>
}

export async function startPageTrace(browser: Browser, page: Page, file: string): Promise<PageTrace> {
  await browser.startTracing(page, { path: file, categories: CATEGORIES })
  return {
    async stop() {
      await browser.stopTracing()
      return summariseTrace(file)
    },
  }
}

export function summariseTrace(file: string): string[] {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[]
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? [])
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  if (!main) return ['no renderer main thread in the trace']
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
  const total = new Map<string, { ms: number; count: number }>()
  let dirty = 0
  let objects = 0
  let layouts = 0
  for (const event of onMain) {
    if (!(KINDS as readonly string[]).includes(event.name)) continue
    const entry = total.get(event.name) ?? { ms: 0, count: 0 }
    entry.ms += (event.dur ?? 0) / 1000
    entry.count += 1
    total.set(event.name, entry)
    if (event.name === 'Layout') {
      layouts += 1
      dirty += event.args?.beginData?.dirtyObjects ?? 0
      objects += event.args?.beginData?.totalObjects ?? 0
    }
  }
  const lines = [...total.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([name, { ms, count }]) =>
        `${ms.toFixed(0).padStart(7)} ms  ${name} × ${count} (${(ms / count).toFixed(2)} ms each, inclusive)`,
    )
  if (layouts > 0)
    lines.push(
      `layout: ${(dirty / layouts).toFixed(0)} dirty of ${(objects / layouts).toFixed(0)} layout objects per Layout on average`,
    )
  return lines
}
