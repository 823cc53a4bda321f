// The reference server: @y/websocket-server 0.1.1 as its own bin sets it up (a `ws` server calling
// setupWSConnection per socket, no persistence: YPERSISTENCE is unset), on an ephemeral port.
// Prints one JSON line `{ "port": n }` once listening.
import { createServer } from 'node:http'
import { docs, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'

globalThis.benchDocumentsInMemory = () => docs.size

const wss = new WebSocketServer({ noServer: true })
const http = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/plain' })
  res.end('okay')
})
wss.on('connection', setupWSConnection)
http.on('upgrade', (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
})
http.listen(0, '127.0.0.1', () => {
  const address = http.address()
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`)
})
