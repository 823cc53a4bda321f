// A client that types continuously: every tick it inserts one unique marker into its own section (one
// update each), and now and then sends a barrier. A marker counts as acknowledged once the server
// answered `persisted` to a barrier sent after it on the same connection, with a committed clock for
// the typist's client id that covers the marker: as for the page's save status, an update the server
// refused (while its storage failed, say) is "before the barrier" but not committed, and the clock says
// so. The suites then check that every acknowledged marker is in the stored document exactly once.
import { encodeBarrier, orderedSections, type PersistedClock } from '@novex/shared'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/client.ts'
import { outline } from '../helpers/documents.ts'
import type { RunningServer } from '../helpers/server.ts'
import { waitFor } from '../helpers/waitFor.ts'

export interface TypistOptions {
  readonly name: string
  readonly cookie: string
  readonly documentId: string
  /** Which section (by order) to type into; typists in one document use different sections. */
  readonly section: number
  /** Where to connect (the server, or a fault proxy in front of it). */
  readonly server: Pick<RunningServer, 'wsUrl'>
}

export class Typist {
  readonly name: string
  readonly client: TestClient
  readonly typed: string[] = []
  /** For each typed marker: the typist's clock once it was typed (the server must hold that much). */
  private readonly clockAfter: number[] = []
  /** The highest clock of the typist's client id the server said it committed. */
  private committedClock = 0
  private acked = 0
  private nextSeq = 1_000_000
  private readonly barrierAt = new Map<number, number>()
  private timer: NodeJS.Timeout | null = null
  private readonly section: number
  /** Times the client's socket opened: a case that loses markers says whether it reconnected. */
  connections = 0
  /** Called as soon as more markers are acknowledged, before anything else runs. */
  onAcked: (() => void) | null = null

  constructor(options: TypistOptions) {
    this.name = options.name
    this.section = options.section
    this.client = connectClient(options.server as RunningServer, options.documentId, {
      cookie: options.cookie,
      onPersisted: (seq, clocks) => this.persisted(seq, clocks),
    })
    this.client.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.connections++
    })
  }

  private persisted(seq: number, clocks: readonly PersistedClock[]): void {
    const count = this.barrierAt.get(seq)
    this.barrierAt.delete(seq)
    const own = clocks.find((c) => c.client === this.doc.clientID)
    if (own && own.clock > this.committedClock) this.committedClock = own.clock
    if (count === undefined) return
    let covered = count
    while (covered > this.acked && (this.clockAfter[covered - 1] ?? 0) > this.committedClock) covered--
    if (covered <= this.acked) return
    this.acked = covered
    this.onAcked?.()
  }

  /** Markers the server has acknowledged as committed. */
  get ackedMarkers(): readonly string[] {
    return this.typed.slice(0, this.acked)
  }

  get doc(): Y.Doc {
    return this.client.doc
  }

  /** Types one marker every `intervalMs`, and sends a barrier every `barrierEvery` markers. */
  start(intervalMs: number, barrierEvery = 3): void {
    this.timer = setInterval(() => {
      this.typeOne()
      if (this.typed.length % barrierEvery === 0) this.barrier()
    }, intervalMs)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  typeOne(): void {
    const section = orderedSections(this.client.doc)[this.section]
    if (!section) return
    const marker = `<${this.name}-${this.typed.length}>`
    const fragment = section.content
    let paragraph = fragment.get(fragment.length - 1)
    if (!(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph' || paragraph.length > 40) {
      paragraph = new Y.XmlElement('paragraph')
      fragment.insert(fragment.length, [paragraph])
    }
    const last = paragraph.get(paragraph.length - 1)
    if (last instanceof Y.XmlText) last.insert(last.length, marker)
    else paragraph.insert(paragraph.length, [new Y.XmlText(marker)])
    this.typed.push(marker)
    this.clockAfter.push(Y.getState(this.doc.store, this.doc.clientID))
  }

  /** Appends a large paragraph (no marker): for filling a slow reader's send buffer. */
  appendLarge(text: string): void {
    const section = orderedSections(this.client.doc)[this.section]
    if (!section) return
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    section.content.insert(section.content.length, [paragraph])
  }

  /** Sends a barrier covering everything typed so far, if the connection is synced. */
  barrier(): void {
    const { provider } = this.client
    if (!provider.wsconnected || !provider.synced || !provider.ws) return
    const seq = this.nextSeq++
    this.barrierAt.set(seq, this.typed.length)
    try {
      provider.ws.send(encodeBarrier(seq))
    } catch {
      // The socket closed under us; the next barrier on the next connection covers these markers.
      this.barrierAt.delete(seq)
    }
  }

  /** Waits until everything typed so far is acknowledged (after faults are over). */
  async settle(timeout = 30_000): Promise<void> {
    await waitFor(
      () => {
        if (this.acked >= this.typed.length) return true
        this.barrier()
        return false
      },
      { timeout, interval: 200, message: `${this.name}: all ${this.typed.length} markers acknowledged` },
    )
  }

  destroy(): void {
    this.stop()
    this.client.destroy()
  }
}

export const textOf = (doc: Y.Doc): string => outline(doc).join('\n')

export const occurrences = (haystack: string, needle: string): number => haystack.split(needle).length - 1

/**
 * Acknowledged markers present exactly once, typed markers present more than once, and the
 * acknowledged markers that are not there exactly once (for the report of a failed case).
 */
export function tally(
  stored: string,
  typists: readonly Typist[],
): { acked: number; present: number; duplicated: number; missing: string[] } {
  let acked = 0
  let present = 0
  let duplicated = 0
  const missing: string[] = []
  for (const typist of typists) {
    for (const marker of typist.ackedMarkers) {
      acked++
      if (occurrences(stored, marker) === 1) present++
      else missing.push(marker)
    }
    for (const marker of typist.typed) if (occurrences(stored, marker) > 1) duplicated++
  }
  return { acked, present, duplicated, missing }
}
