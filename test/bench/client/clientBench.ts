// The client benchmark of issue 7: headless Chromium opens a large demo ontwikkelperspectief from our
// real server (SQLite, update gate) while remote people type in it, and we measure how long until the
// page is editable and how long each local keystroke takes to reach the screen (see pageProbes.ts).

import { writeFileSync } from 'node:fs'
import { getSection, type SectionId, sectionPlainText } from '@novex/shared'
import type { Browser, Locator, Page } from 'playwright-core'
import { perspectiveId } from '../../../server/src/demo/seedDemo.ts'
import { editorOf, launchBrowser, newUserContext, type UserContext, waitForSaveStatus } from '../../helpers/browser.ts'
import { connectClient } from '../../helpers/client.ts'
import type { RunningServer } from '../../helpers/server.ts'
import { DEMO } from '../../helpers/session.ts'
import { waitFor } from '../../helpers/waitFor.ts'
import { median, percentiles } from '../load/percentiles.ts'
import { startOurServer } from '../servers/ourServer.ts'
import { benchLogin } from './benchLogin.ts'
import { openFloorPage } from './browserFloor.ts'
import { type ClientFigures, type ClientSpec, KEY_TO_PAINT_TARGET_MS } from './clientFigures.ts'
import {
  type KeyProbeReport,
  keyProbe,
  openProbe,
  type RemoteSample,
  readKeyProbe,
  readOpenTimes,
  readRemoteProbe,
  remoteProbe,
} from './pageProbes.ts'
import { startPageProfile } from './pageProfile.ts'
import { startPageTrace } from './pageTrace.ts'
import { perspectiveText } from './perspectiveText.ts'
import { type SentEdit, startRemoteTypists, type TypistPlace } from './remoteTypists.ts'
import { type WrittenPerspective, writePerspective } from './writePerspective.ts'

const DOCUMENT = perspectiveId('de-peel')
const TYPED = 'In de Peel werken provincie en Rijk samen aan water, natuur en landbouw. '
/** The section the local user types in (the fourth of eight), and where the remote people are. */
const LOCAL_SECTION = 3

// tsx compiles with esbuild's keepNames, which wraps named functions in `__name(…)`: the functions
// handed to the page need that helper there too.
const NAME_HELPER = 'globalThis.__name = globalThis.__name || ((target) => target)'

type Log = (line: string) => void

export interface ClientBenchOptions {
  /** Record a V8 CPU profile of the page while typing (Chrome DevTools protocol) into this file. */
  readonly cpuProfileFile?: string
  /** Record a Chromium trace of the page while typing into this file and log its summary. */
  readonly traceFile?: string
  /** Write every keystroke's timestamps (ours and the floor's) into this JSON file. */
  readonly samplesFile?: string
}

export async function clientBench(
  spec: ClientSpec,
  log: Log,
  options: ClientBenchOptions = {},
): Promise<ClientFigures> {
  const server = await startOurServer()
  let browser: Browser | null = null
  try {
    const running = server.running
    const text = perspectiveText(spec.words, 8)
    const written = await writePerspective(running, await benchLogin(running, DEMO.rijkAuteur), DOCUMENT, text)
    log(`client: ${text.words} words, ${written.paragraphs} paragraphs, ${written.documentBytes} bytes written`)
    const local = Math.floor(paragraphsIn(written, LOCAL_SECTION) / 2)
    const places = typistPlaces(written, local).slice(0, spec.remoteTypists)
    const typists = await startRemoteTypists(running, DOCUMENT, places, spec.remoteEditsPerSecond)
    let typistsStopped = false
    try {
      browser = await launchBrowser()
      const editableRuns: number[] = []
      const firstEditorRuns: number[] = []
      let user: UserContext | null = null
      for (let open = 1; open <= spec.opens; open++) {
        await user?.close()
        user = await newUserContext(browser, running.httpUrl)
        const times = await openPage(user.page, written.paragraphs)
        editableRuns.push(times.editableMs)
        firstEditorRuns.push(times.firstEditorMs)
        log(`client: open ${open}/${spec.opens} editable after ${times.editableMs.toFixed(0)} ms`)
      }
      if (!user) throw new Error('no page was opened')
      const sectionId = written.sectionIds[LOCAL_SECTION] ?? ''
      const typed = TYPED.repeat(Math.ceil(spec.keystrokes / TYPED.length)).slice(0, spec.keystrokes)
      const profiler = options.cpuProfileFile ? await startPageProfile(user.page) : null
      const tracer = options.traceFile ? await startPageTrace(browser, user.page, options.traceFile) : null
      const paragraph = editorOf(user.page, sectionId).locator(':scope > *').nth(local)
      // The first typist is on screen, two paragraphs below: how soon do their edits show while we type?
      const onScreen = places[0]
      if (onScreen) await user.page.evaluate(remoteProbe, { sectionId, paragraph: onScreen.paragraph })
      const typingFrom = Date.now()
      const report = await typeAndMeasure(user.page, paragraph, typed, spec.keyIntervalMs)
      const typingTo = Date.now()
      if (tracer) log(`client: main thread while typing (trace):\n${(await tracer.stop()).join('\n')}`)
      if (profiler && options.cpuProfileFile)
        log(
          `client: CPU profile while typing, top self time:\n${(await profiler.stop(options.cpuProfileFile)).join('\n')}`,
        )
      const remoteEdits = typists.edits()
      typistsStopped = true
      await typists.stop()
      const remoteToPage = await remoteEditsToPage(user.page, typists.sent(0), typingFrom, typingTo)
      const typedTextSaved = await typedTextArrived(user.page, running, sectionId, local, typed)
      await user.close()
      const floor = await openFloorPage(browser, text, LOCAL_SECTION, local, NAME_HELPER)
      const floorReport = await typeAndMeasure(floor.paragraph.page(), floor.paragraph, typed, spec.keyIntervalMs)
      await floor.close()
      log(`client: where a keystroke's time went, ours:\n${keyPhases(report)}\nfloor:\n${keyPhases(floorReport)}`)
      if (options.samplesFile)
        writeFileSync(options.samplesFile, JSON.stringify({ ours: report.samples, floor: floorReport.samples }))
      const measured = { report, floorReport, remoteEdits, remoteToPage, typedTextSaved }
      return figures(spec, text.words, written, firstEditorRuns, editableRuns, measured)
    } finally {
      if (!typistsStopped) await typists.stop().catch(() => undefined)
    }
  } finally {
    await browser?.close()
    await server.stop()
  }
}

/**
 * For each edit the on-screen typist made while we typed: Date.now() on the page when the paragraph first
 * held it − Date.now() when the typist made it (same machine, same clock). Waits for the last edit.
 */
async function remoteEditsToPage(page: Page, sent: readonly SentEdit[], from: number, to: number): Promise<number[]> {
  const timed = sent.filter((edit) => edit.at >= from && edit.at <= to)
  const last = timed.at(-1)
  if (!last) return []
  const samples = await waitFor(
    async () => {
      const all: RemoteSample[] = await page.evaluate(readRemoteProbe)
      return all.some((sample) => sample.textLength >= last.textLength) ? all : null
    },
    { timeout: 10_000, message: 'the remote typist’s last edit on the page' },
  )
  return timed.map((edit) => {
    const shown = samples.find((sample) => sample.textLength >= edit.textLength)
    return shown ? shown.at - edit.at : Number.NaN
  })
}

/** p50 / p95 of the three parts of key → paint: waiting for the main thread, handling until the DOM changed, the frame. */
function keyPhases(report: KeyProbeReport): string {
  const phase = (name: string, values: number[]): string => {
    const p = percentiles(values.filter(Number.isFinite))
    return `  ${name.padEnd(30)} p50 ${p.p50.toFixed(1)} / p95 ${p.p95.toFixed(1)} ms`
  }
  const samples = report.samples
  return [
    phase(
      'keydown queued (start→handler)',
      samples.map((s) => s.handled - s.start),
    ),
    phase(
      'handler → DOM changed',
      samples.map((s) => s.changed - s.handled),
    ),
    phase(
      'DOM changed → painted',
      samples.map((s) => s.painted - s.changed),
    ),
  ].join('\n')
}

function paragraphsIn(written: WrittenPerspective, section: number): number {
  return written.paragraphsPerSection[section] ?? 0
}

/** One remote person two paragraphs below the local user (on screen), one in the first and one in the last section. */
function typistPlaces(written: WrittenPerspective, local: number): TypistPlace[] {
  const id = (index: number): string => written.sectionIds[index] ?? ''
  const middle = (index: number): number => Math.floor(paragraphsIn(written, index) / 2)
  const last = written.sectionIds.length - 1
  return [
    { email: DEMO.provincieAuteur, sectionId: id(LOCAL_SECTION), paragraph: local + 2 },
    { email: DEMO.rijkOndertekenaar, sectionId: id(0), paragraph: middle(0) },
    { email: DEMO.provincieOndertekenaar, sectionId: id(last), paragraph: middle(last) },
  ]
}

async function openPage(page: Page, paragraphs: number): Promise<{ firstEditorMs: number; editableMs: number }> {
  await page.addInitScript({ content: NAME_HELPER })
  await page.addInitScript(openProbe, paragraphs)
  await page.goto(`/document/${DOCUMENT}`)
  const times = await waitFor(
    async () => {
      const t = await page.evaluate(readOpenTimes)
      return t?.editableMs != null && t.firstEditorMs != null ? t : null
    },
    { timeout: 180_000, interval: 100, message: `the ${paragraphs}-paragraph document to be editable` },
  )
  return { firstEditorMs: times.firstEditorMs ?? Number.NaN, editableMs: times.editableMs ?? Number.NaN }
}

/** Clicks into the middle of the paragraph and types `typed` key by key at a steady rate. */
async function typeAndMeasure(
  page: Page,
  paragraph: Locator,
  typed: string,
  intervalMs: number,
): Promise<KeyProbeReport> {
  await paragraph.click()
  await waitFor(() => page.evaluate(() => document.activeElement?.classList.contains('ProseMirror') ?? false), {
    message: 'the focus in the editor',
  })
  await page.evaluate(keyProbe)
  const started = Date.now()
  for (const [index, key] of [...typed].entries()) {
    await page.keyboard.type(key)
    // A steady rate: each key at its own time, however long the previous one took to send.
    const next = started + (index + 1) * intervalMs
    const wait = next - Date.now()
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
  }
  return waitFor(
    async () => {
      const report = await page.evaluate(readKeyProbe)
      return report && report.samples.length >= typed.length ? report : null
    },
    { timeout: 10_000, message: `${typed.length} keystrokes measured` },
  )
}

/** The typed text is in the paragraph on the page and, once saved, in a fresh client's copy from the server. */
async function typedTextArrived(
  page: Page,
  server: RunningServer,
  sectionId: string,
  paragraph: number,
  typed: string,
): Promise<boolean> {
  const onPage = await editorOf(page, sectionId)
    .locator(':scope > *')
    .nth(paragraph)
    .evaluate((element, text) => (element.textContent ?? '').includes(text), typed)
  if (!onPage) return false
  await waitForSaveStatus(page, 'Opgeslagen', 30_000)
  const reader = connectClient(server, DOCUMENT, { cookie: await benchLogin(server, DEMO.meelezer) })
  try {
    await reader.synced()
    const section = getSection(reader.doc, sectionId as SectionId)
    return section ? sectionPlainText(section).includes(typed) : false
  } finally {
    reader.destroy()
  }
}

function figures(
  spec: ClientSpec,
  words: number,
  written: WrittenPerspective,
  firstEditorRuns: readonly number[],
  editableRuns: readonly number[],
  measured: {
    report: KeyProbeReport
    floorReport: KeyProbeReport
    remoteEdits: number
    remoteToPage: readonly number[]
    typedTextSaved: boolean
  },
): ClientFigures {
  const { report, floorReport, remoteEdits, typedTextSaved } = measured
  const remote = percentiles(measured.remoteToPage.filter(Number.isFinite))
  const toPaint = percentiles(report.samples.map((s) => s.painted - s.start))
  const floor = percentiles(floorReport.samples.map((s) => s.painted - s.start))
  const toChange = percentiles(report.samples.map((s) => s.changed - s.start).filter(Number.isFinite))
  const scripts = new Map<string, number>()
  for (const frame of report.longFrames)
    for (const script of frame.scripts) scripts.set(script.name, (scripts.get(script.name) ?? 0) + script.durationMs)
  const finite = (n: number): number | null => (Number.isFinite(n) ? n : null)
  const p95 = finite(toPaint.p95)
  return {
    spec,
    words,
    paragraphs: written.paragraphs,
    documentBytes: written.documentBytes,
    firstEditorMs: finite(median(firstEditorRuns)),
    editableMs: finite(median(editableRuns)),
    editableRunsMs: editableRuns,
    keystrokes: toPaint.count,
    keyToPaintP50Ms: finite(toPaint.p50),
    keyToPaintP95Ms: p95,
    keyToPaintP99Ms: finite(toPaint.p99),
    keyToPaintMaxMs: finite(Math.max(...report.samples.map((s) => s.painted - s.start))),
    keyToChangeP95Ms: finite(toChange.p95),
    floorKeyToPaintP50Ms: finite(floor.p50),
    floorKeyToPaintP95Ms: finite(floor.p95),
    floorKeyToPaintP99Ms: finite(floor.p99),
    keyToPaintP95ToFloor: p95 === null || !(floor.p95 > 0) ? null : p95 / floor.p95,
    slowKeydowns: report.slowEvents.filter((e) => e.name === 'keydown').length,
    longFrames: report.longFrames.length,
    longFrameTopScripts: [...scripts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([name, totalMs]) => ({ name, totalMs: Math.round(totalMs) })),
    remoteEdits,
    remoteEditsTimed: remote.count,
    remoteToPageP50Ms: finite(remote.p50),
    remoteToPageP95Ms: finite(remote.p95),
    typedTextSaved,
    targetMet: p95 === null ? null : p95 < KEY_TO_PAINT_TARGET_MS,
  }
}
