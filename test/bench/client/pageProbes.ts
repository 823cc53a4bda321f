// What the client benchmark measures inside the page (these functions run in Chromium, passed to
// `page.addInitScript` / `page.evaluate`, so they use nothing from this module's scope):
//
// - `openProbe`, installed before navigation: the time (performance.now(), i.e. since navigation start)
//   of the first animation frame in which the first section editor exists, and of the first in which the
//   page is editable: the document synced (save status "saved" or "saving"), every section editor
//   contenteditable, and every paragraph of the document rendered.
// - `keyProbe`: for every keydown, the event's own timestamp → the end of the first frame that began
//   after the keystroke changed the DOM of the paragraph being typed in (an `input` event in the
//   editor, or a mutation inside the caret's paragraph; a requestAnimationFrame callback runs before that
//   frame's paint and a setTimeout(0) queued from it runs after the frame, so that is "painted"). Beside
//   it, Chromium's own measurements: Event Timing entries of the key events (reported from 16 ms on) and
//   long animation frames (> 50 ms) with the scripts that made them long.
// - `remoteProbe`: when another person's edits reach this page's DOM. It watches the paragraph a remote
//   typist types in and records Date.now() each time that paragraph's own text (other people's caret
//   labels excluded) gets longer; the typist records Date.now() and the text's length with each edit
//   (remoteTypists.ts), so each edit's time to this page is the first sample at least that long.

export interface OpenTimes {
  readonly firstEditorMs: number | null
  readonly editableMs: number | null
}

export interface KeySample {
  readonly start: number
  /** When the keydown's first listener ran: `handled - start` is how long the key waited for the main thread. */
  readonly handled: number
  readonly changed: number
  readonly painted: number
}

export interface SlowEvent {
  readonly name: string
  readonly startTime: number
  readonly duration: number
  readonly processingMs: number
}

export interface LongFrameScript {
  readonly name: string
  readonly durationMs: number
}

export interface LongFrame {
  readonly startTime: number
  readonly durationMs: number
  readonly blockingMs: number
  readonly scripts: readonly LongFrameScript[]
}

export interface KeyProbeReport {
  readonly samples: readonly KeySample[]
  readonly slowEvents: readonly SlowEvent[]
  readonly longFrames: readonly LongFrame[]
}

/** The remote paragraph's own text length at `at` (Date.now()). */
export interface RemoteSample {
  readonly at: number
  readonly textLength: number
}

export interface RemoteProbeTarget {
  readonly sectionId: string
  readonly paragraph: number
}

interface ProbeWindow {
  __novexBenchRemote?: RemoteSample[]
  __novexBenchOpen?: { firstEditorMs: number | null; editableMs: number | null }
  __novexBenchKeys?: KeyProbeReport & { samples: KeySample[]; slowEvents: SlowEvent[]; longFrames: LongFrame[] }
}

/** Runs in the page from navigation on; `expectedParagraphs` = top-level blocks of all section editors. */
export function openProbe(expectedParagraphs: number): void {
  const w = window as unknown as ProbeWindow
  const times = { firstEditorMs: null as number | null, editableMs: null as number | null }
  w.__novexBenchOpen = times
  const editorSelector = '[data-testid="section"] [data-testid="section-content"] .ProseMirror'
  const check = (): void => {
    const editors = Array.from(document.querySelectorAll(editorSelector))
    if (editors.length > 0 && times.firstEditorMs === null) times.firstEditorMs = performance.now()
    const status = document.querySelector('[data-testid="save-status"]')?.parentElement?.className ?? ''
    const synced = /save-status--(saved|saving)\b/.test(status)
    const editable = editors.length >= 8 && editors.every((e) => e.getAttribute('contenteditable') === 'true')
    const blocks = editors.reduce((sum, e) => sum + e.childElementCount, 0)
    if (synced && editable && blocks >= expectedParagraphs) {
      times.editableMs = performance.now()
      return
    }
    requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/** Starts recording keystroke-to-paint in the page, for typing in the focused editor. */
export function keyProbe(): void {
  const w = window as unknown as ProbeWindow
  const report = { samples: [] as KeySample[], slowEvents: [] as SlowEvent[], longFrames: [] as LongFrame[] }
  w.__novexBenchKeys = report
  let pending: { start: number; changed: number | null } | null = null
  const paragraphOfCaret = (): Element | null => {
    const node = document.getSelection()?.anchorNode ?? null
    const element = node instanceof Element ? node : (node?.parentElement ?? null)
    return element?.closest('.ProseMirror > *') ?? null
  }
  const markChanged = (): void => {
    if (pending && pending.changed === null) pending.changed = performance.now()
  }
  document.addEventListener('input', (event) => {
    if (event.target instanceof Element && event.target.closest('.ProseMirror')) markChanged()
  })
  new MutationObserver((records) => {
    const paragraph = paragraphOfCaret()
    if (paragraph && records.some((r) => paragraph.contains(r.target))) markChanged()
  }).observe(document.body, { subtree: true, childList: true, characterData: true })
  window.addEventListener(
    'keydown',
    (event) => {
      const sample = { start: event.timeStamp, handled: performance.now(), changed: null as number | null }
      pending = sample
      const afterFrame = (): void => {
        // Not changed yet (the key's input comes as a separate task): this frame does not show it.
        if (sample.changed === null && performance.now() - sample.start < 2_000) {
          requestAnimationFrame(afterFrame)
          return
        }
        setTimeout(() => {
          report.samples.push({
            start: sample.start,
            handled: sample.handled,
            changed: sample.changed ?? Number.NaN,
            painted: performance.now(),
          })
        }, 0)
      }
      requestAnimationFrame(afterFrame)
    },
    { capture: true },
  )
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!(entry instanceof PerformanceEventTiming) || !/^key|input/.test(entry.name)) continue
      report.slowEvents.push({
        name: entry.name,
        startTime: entry.startTime,
        duration: entry.duration,
        processingMs: entry.processingEnd - entry.processingStart,
      })
    }
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit)
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const frame = entry as PerformanceEntry & {
        blockingDuration?: number
        scripts?: readonly {
          duration: number
          invoker?: string
          sourceFunctionName?: string
          sourceURL?: string
          sourceCharPosition?: number
        }[]
      }
      report.longFrames.push({
        startTime: frame.startTime,
        durationMs: frame.duration,
        blockingMs: frame.blockingDuration ?? 0,
        scripts: (frame.scripts ?? []).map((s) => ({
          name: `${s.invoker ?? '?'} ${s.sourceFunctionName || '(anonymous)'} ${(s.sourceURL ?? '').split('/').pop()}:${s.sourceCharPosition ?? -1}`,
          durationMs: s.duration,
        })),
      })
    }
  }).observe({ type: 'long-animation-frame', buffered: false })
}

/** Starts recording when the paragraph `target` grows (see the header). */
export function remoteProbe(target: RemoteProbeTarget): void {
  const w = window as unknown as ProbeWindow
  const samples: RemoteSample[] = []
  w.__novexBenchRemote = samples
  const editor = document.querySelector(
    `[data-testid="section"][data-section-id="${CSS.escape(target.sectionId)}"] [data-testid="section-content"] .ProseMirror`,
  )
  if (!editor) throw new Error(`no editor for section ${target.sectionId}`)
  const ownTextLength = (): number => {
    const paragraph = editor.children[target.paragraph]
    if (!paragraph) return 0
    let length = 0
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (node.parentElement?.closest('[contenteditable="false"]') == null) length += node.textContent?.length ?? 0
    }
    return length
  }
  let last = ownTextLength()
  samples.push({ at: Date.now(), textLength: last })
  new MutationObserver(() => {
    const length = ownTextLength()
    if (length === last) return
    last = length
    samples.push({ at: Date.now(), textLength: length })
  }).observe(editor, { subtree: true, childList: true, characterData: true })
}

export function readRemoteProbe(): RemoteSample[] {
  return (window as unknown as ProbeWindow).__novexBenchRemote ?? []
}

export function readOpenTimes(): OpenTimes | null {
  return (window as unknown as ProbeWindow).__novexBenchOpen ?? null
}

export function readKeyProbe(): KeyProbeReport | null {
  return (window as unknown as ProbeWindow).__novexBenchKeys ?? null
}
