// Frames and bytes received by every socket of the load generator, for frames/s out and CPU per frame.
export class FrameCounter {
  frames = 0
  bytes = 0

  count(frame: Uint8Array): void {
    this.frames++
    this.bytes += frame.byteLength
  }

  reset(): void {
    this.frames = 0
    this.bytes = 0
  }
}
