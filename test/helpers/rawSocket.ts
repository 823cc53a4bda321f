// A raw WebSocket client for abuse and enforcement tests: no provider, exact frames, and the HTTP
// status of a refused upgrade or the exact close code.
import type { Socket } from 'node:net'
import WebSocket from 'ws'

export type RawOutcome =
  | { readonly kind: 'open'; readonly socket: RawSocket }
  | { readonly kind: 'refused'; readonly status: number; readonly body: string }

export interface RawSocket {
  readonly ws: WebSocket
  /** Every binary frame received, in order. */
  readonly frames: Uint8Array[]
  /** For each frame: the number of the TCP read it arrived in (frames of one server write share it). */
  readonly reads: number[]
  send(frame: Uint8Array): void
  /** Sends the frames in one TCP write, so that the server reads them in one event-loop turn. */
  sendTogether(frames: readonly Uint8Array[]): void
  /** Resolves with the close code once the server closes the socket. */
  closed(): Promise<number>
  close(): void
}

export function openRaw(url: string, headers: Record<string, string> = {}): Promise<RawOutcome> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    const frames: Uint8Array[] = []
    const reads: number[] = []
    let read = 0
    let tcp: Socket | null = null
    // The socket is known at 'upgrade', but a reader attached then would put it in flowing mode before ws
    // pushes back the bytes that came with the 101 (frames the server sent at once), and they would reach
    // only that reader. So the counter goes in at 'open', when ws reads, ahead of ws's own reader.
    ws.on('upgrade', (res) => {
      tcp = res.socket
    })
    ws.once('open', () =>
      tcp?.prependListener('data', () => {
        read++
      }),
    )
    let closeCode: number | null = null
    const closeWaiters: ((code: number) => void)[] = []
    ws.binaryType = 'nodebuffer'
    ws.on('message', (data: Buffer) => {
      frames.push(new Uint8Array(data))
      reads.push(read)
    })
    ws.on('close', (code) => {
      closeCode = code
      for (const w of closeWaiters) w(code)
    })
    ws.on('unexpected-response', (_req, res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ kind: 'refused', status: res.statusCode ?? 0, body }))
    })
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.OPEN) reject(error)
    })
    ws.on('open', () =>
      resolve({
        kind: 'open',
        socket: {
          ws,
          frames,
          reads,
          send: (frame) => ws.send(frame),
          sendTogether: (together) => {
            tcp?.cork()
            for (const frame of together) ws.send(frame)
            tcp?.uncork()
          },
          closed: () => (closeCode !== null ? Promise.resolve(closeCode) : new Promise((r) => closeWaiters.push(r))),
          close: () => ws.close(),
        },
      }),
    )
  })
}
