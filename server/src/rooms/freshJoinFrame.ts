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
  /** The kept frame's payload, the document's state: a view into the frame, not a copy. */
  private keptPayload: Uint8Array | null = null

  constructor(private readonly keepFromBytes: number = KEEP_FRESH_FRAME_FROM_BYTES) {}

  /** The step 2 frame of the whole document: the kept one, or one around `encodeState()`. */
  frame(encodeState: () => Uint8Array): Uint8Array {
    if (this.kept) return this.kept
    const state = encodeState()
    const frame = syncFrame(SyncStep.step2, state)
    if (state.byteLength >= this.keepFromBytes) {
      this.kept = frame
      // The payload is the frame's tail (syncFrame writes the header, then the state).
      this.keptPayload = frame.subarray(frame.byteLength - state.byteLength)
    }
    return frame
  }

  /**
   * The state inside the kept frame, as a view into it (the same object until the next change), or null
   * when no frame is kept. Whoever holds the same state (an unbuilt document's snapshot) can hold this
   * instead and let its own copy go: a large document is then in memory once, not twice.
   */
  keptState(): Uint8Array | null {
    return this.keptPayload
  }

  /** The document changed: the kept frame no longer holds all of it. */
  invalidate(): void {
    this.kept = null
    this.keptPayload = null
  }
}
