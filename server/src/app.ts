// Builds the server from its parts. main.ts calls this; tests may too.
import type { Server } from 'node:http'
import { CloseCode } from '@novex/shared'
import type { Logger } from 'pino'
import type { Config } from './config.ts'
import { seedDemo } from './demo/seedDemo.ts'
import { createMetrics, type Metrics } from './metrics.ts'
import { type Db, openDatabase } from './persistence/database.ts'
import { createDocumentCatalog } from './persistence/documentCatalog.ts'
import { createSqliteDocumentStore } from './persistence/sqliteDocumentStore.ts'
import { createUpdateGate } from './policy/updateGate.ts'
import { RoomManager } from './rooms/roomManager.ts'
import { createHttpHandler } from './transport/httpHandler.ts'
import { createNovexServer, listen } from './transport/server.ts'
import { createSyncEndpoint } from './transport/syncEndpoint.ts'

const SHUTDOWN_GRACE_MS = 2_000

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
}

export interface App {
  readonly port: number
  readonly server: Server
  readonly db: Db
  readonly rooms: RoomManager
  readonly metrics: Metrics
  /** Flushes every room, closes clients with the restart code, closes the database. */
  shutdown(): Promise<void>
}

export async function startApp(config: Config, logger: Logger): Promise<App> {
  const db = openDatabase(config.dataDir)
  const catalog = createDocumentCatalog(db)
  const store = createSqliteDocumentStore(db)
  if (config.demo) {
    const seeded = db.transaction(() => seedDemo(catalog, store))()
    if (seeded > 0) logger.info({ documents: seeded }, 'demo seeded')
  }
  const metrics = createMetrics()
  const rooms = new RoomManager({ store, gate: createUpdateGate(), logger, metrics, compactAfter: config.compactAfter })
  const sync = createSyncEndpoint({
    catalog,
    rooms,
    metrics,
    logger,
    allowedOrigins: config.allowedOrigins,
    maxFrameBytes: config.maxFrameBytes,
  })
  const server = createNovexServer(
    createHttpHandler({ catalog, rooms, metrics, logger, clientDist: config.clientDist }),
    sync,
  )
  const port = await listen(server, config.port, config.host)

  let closing: Promise<void> | null = null
  const shutdown = (): Promise<void> => {
    closing ??= (async () => {
      server.close()
      const unsaved = rooms.flushAll()
      if (unsaved.length > 0) logger.error({ documents: unsaved }, 'shutting down with unsaved changes')
      rooms.closeAll(CloseCode.restart, 'server restart')
      // Give the close frames a moment to reach the clients before the process exits.
      await waitUntil(() => rooms.openPeers === 0, SHUTDOWN_GRACE_MS)
      sync.close()
      server.closeAllConnections()
      db.close()
    })()
    return closing
  }
  return { port, server, db, rooms, metrics, shutdown }
}
