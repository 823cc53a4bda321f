// One HTTP server on one port: the API, the built client and the sync endpoint.
import { createServer, type Server } from 'node:http'
import type { HttpHandler } from './httpHandler.ts'
import type { SyncEndpoint } from './syncEndpoint.ts'

export function createNovexServer(handler: HttpHandler, sync: SyncEndpoint): Server {
  const server = createServer(handler)
  server.headersTimeout = 20_000
  server.requestTimeout = 30_000
  server.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  return server
}

export function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address !== null ? address.port : port)
    })
  })
}
