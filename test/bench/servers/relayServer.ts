// The floor: a WebSocket relay that knows the y-websocket framing but not Yjs. It answers a sync step 1
// with an empty step 2 (so clients count as synced) and forwards every other frame unchanged to the other
// sockets of the same path. It stores nothing, so it cannot serve a document to a late joiner.
import { createServer } from 'node:http'
import { WebSocket, WebSocketServer } from 'ws'

const rooms = new Map<string, Set<WebSocket>>()
globalThis.benchDocumentsInMemory = () => rooms.size

/** [sync, step 2, update of 2 bytes: no structs, no deletes]. */
const EMPTY_STEP2 = new Uint8Array([0, 1, 2, 0, 0])

const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false })
const http = createServer((_req, res) => {
  res.writeHead(200)
  res.end()
})
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const name = (req.url ?? '/').split('?')[0] ?? '/'
    const room = rooms.get(name) ?? new Set<WebSocket>()
    rooms.set(name, room)
    room.add(ws)
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      // A sync step 1 ([0, 0, …]) is answered, not forwarded.
      if (data[0] === 0 && data[1] === 0) {
        ws.send(EMPTY_STEP2)
        return
      }
      for (const other of room)
        if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data, { binary: isBinary })
    })
    ws.on('close', () => {
      room.delete(ws)
      if (room.size === 0) rooms.delete(name)
    })
  })
})
http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
})
