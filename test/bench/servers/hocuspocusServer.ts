// Hocuspocus v4 with its defaults (no extensions: documents live in memory only and are unloaded when
// their last connection closes), on an ephemeral port. Prints one JSON line `{ "port": n }` once listening.
import { Server } from '@hocuspocus/server'

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true })
globalThis.benchDocumentsInMemory = () => server.hocuspocus.getDocumentsCount()
await server.listen()
process.stdout.write(`${JSON.stringify({ port: server.address.port })}\n`)
