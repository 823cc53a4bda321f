// A light viewer: a socket that completes the handshake (it asks for the state with an empty state
// vector and waits for step 2) and then only counts frames. `syncedAt` is when step 2 had arrived.
import { WebSocket } from 'ws'
import type { Endpoint } from '../servers/serverTarget.ts'
import { endpointUrl } from './endpointUrl.ts'
import type { FrameCounter } from './frameCounter.ts'
import { closeSocket } from './fullClient.ts'
import { EMPTY_STEP1, type Wire, WireType, wireFor } from './wire.ts'

export class LightViewer {
  readonly synced: Promise<number>
  /** Bytes of the step 2 frame (the document as the server sent it). */
  stateBytes = 0
  private readonly ws: WebSocket
  private readonly wire: Wire

  constructor(endpoint: Endpoint, documentName: string, counter: FrameCounter) {
    this.wire = wireFor(endpoint.dialect, documentName)
    this.ws = new WebSocket(endpointUrl(endpoint, documentName), { headers: { ...endpoint.headers } })
    let markSynced: (at: number) => void = () => {}
    this.synced = new Promise<number>((resolve, reject) => {
      markSynced = resolve
      this.ws.once('error', reject)
      this.ws.once('close', (code) => reject(new Error(`socket closed (${code}) before sync`)))
    })
    // Errors after the handshake (a server killed on purpose) end in 'close'; the promise above saw the first.
    this.ws.on('error', () => undefined)
    this.ws.on('open', () => {
      for (const frame of this.wire.opening()) this.ws.send(frame)
      this.ws.send(this.wire.wrap(EMPTY_STEP1))
    })
    this.ws.on('message', (data: Buffer) => {
      counter.count(data)
      const decoder = this.wire.unwrap(data)
      const type = decoder.arr[decoder.pos]
      const step = decoder.arr[decoder.pos + 1]
      if ((type === WireType.sync || type === WireType.syncReply) && step === 1 && this.stateBytes === 0) {
        this.stateBytes = data.byteLength
        markSynced(performance.now())
      }
    })
  }

  close(): Promise<void> {
    return closeSocket(this.ws)
  }
}
