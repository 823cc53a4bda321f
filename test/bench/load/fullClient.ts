// A full Yjs client on a raw socket: it keeps a Y.Doc, completes the sync handshake, applies every update
// and sends its own. Lighter than WebsocketProvider (no reconnect logic, no broadcast channel) so that
// one generator process can drive hundreds of them, and it speaks both dialects.
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { Endpoint } from '../servers/serverTarget.ts'
import { endpointUrl } from './endpointUrl.ts'
import type { FrameCounter } from './frameCounter.ts'
import { awarenessMessage, syncUpdateMessage, type Wire, WireType, wireFor } from './wire.ts'

/** The origin of updates that arrived from the server. */
export const REMOTE = Symbol('remote')

export class FullClient {
  readonly doc: Y.Doc
  readonly synced: Promise<void>
  private readonly ws: WebSocket
  private readonly wire: Wire

  constructor(endpoint: Endpoint, documentName: string, counter: FrameCounter, seed?: Uint8Array) {
    this.doc = new Y.Doc()
    if (seed) Y.applyUpdate(this.doc, seed, REMOTE)
    this.wire = wireFor(endpoint.dialect, documentName)
    this.ws = new WebSocket(endpointUrl(endpoint, documentName), { headers: { ...endpoint.headers } })
    this.ws.binaryType = 'nodebuffer'
    let markSynced: () => void = () => {}
    this.synced = new Promise<void>((resolve, reject) => {
      markSynced = resolve
      this.ws.once('error', reject)
      this.ws.once('close', (code) => reject(new Error(`socket closed (${code}) before sync`)))
    })
    // Errors after the handshake (a server killed on purpose) end in 'close'; the promise above saw the first.
    this.ws.on('error', () => undefined)
    this.ws.on('open', () => {
      for (const frame of this.wire.opening()) this.ws.send(frame)
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, WireType.sync)
      syncProtocol.writeSyncStep1(encoder, this.doc)
      this.ws.send(this.wire.wrap(encoding.toUint8Array(encoder)))
    })
    this.ws.on('message', (data: Buffer) => {
      counter.count(data)
      const decoder = this.wire.unwrap(data)
      const type = decoder.arr[decoder.pos]
      if (type !== WireType.sync && type !== WireType.syncReply) return
      decoder.pos++
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, WireType.sync)
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE)
      if (encoding.length(reply) > 1) this.ws.send(this.wire.wrap(encoding.toUint8Array(reply)))
      if (step === syncProtocol.messageYjsSyncStep2) markSynced()
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && this.ws.readyState === WebSocket.OPEN)
        this.ws.send(this.wire.wrap(syncUpdateMessage(update)))
    })
  }

  sendAwareness(update: Uint8Array): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(this.wire.wrap(awarenessMessage(update)))
  }

  close(): Promise<void> {
    return closeSocket(this.ws).then(() => this.doc.destroy())
  }
}

export function closeSocket(ws: WebSocket): Promise<void> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      ws.terminate()
      resolve()
    }, 2_000)
    ws.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
    ws.close()
  })
}
