// Sync step 2 for a client that has nothing yet (an empty state vector): the whole document. Encoding a
// large document takes milliseconds on every such join (the B4 trace's 291 KB: 3–5 ms), and the people
// who open a document before a meeting all ask for the same bytes until the next edit. So the frame of a
// large document is kept until the document changes. A small one is encoded per join: that is cheap, and
// holding a copy would add to the heap of every open document.
import { SyncStep } from '@novex/shared'
import { syncFrame } from '../protocol/frames.ts'

/** Documents whose encoded state is at least this large keep their fresh-join frame between joins. */
export const KEEP_FRESH_FRAME_FROM_BYTES = 64 * 1024

export class FreshJoinFrame {
  private kept: Uint8Array | null = null

  constructor(private readonly keepFromBytes: number = KEEP_FRESH_FRAME_FROM_BYTES) {}

  /** The step 2 frame of the whole document: the kept one, or one around `encodeState()`. */
  frame(encodeState: () => Uint8Array): Uint8Array {
    if (this.kept) return this.kept
    const state = encodeState()
    const frame = syncFrame(SyncStep.step2, state)
    if (state.byteLength >= this.keepFromBytes) this.kept = frame
    return frame
  }

  /** The document changed: the kept frame no longer holds all of it. */
  invalidate(): void {
    this.kept = null
  }
}
