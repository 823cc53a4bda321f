// Entry point: wiring only. Reads the configuration, starts the app, and shuts down cleanly on SIGTERM
// and SIGINT (flush, close clients with the restart code, close the database).
import pino from 'pino'
import { startApp } from './app.ts'
import { readConfig } from './config.ts'

const config = readConfig(process.env, process.cwd())
// Written synchronously: when whatever reads the output is gone (a closed pipe), pino drops the log on
// the first failed write (EPIPE) instead of leaving a buffer that its exit handler retries forever
// (sonic-boom's flushSync), which kept a stopped server from ever exiting.
const logger = pino({ level: config.logLevel }, pino.destination({ dest: 1, sync: true }))

const app = await startApp(config, logger)
logger.info({ port: app.port, dataDir: config.dataDir }, 'listening')

let stopping = false
const stop = (signal: string): void => {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down')
  app.shutdown().then(
    () => {
      logger.info('stopped')
      process.exit(0)
    },
    (error: unknown) => {
      logger.error({ err: error }, 'shutdown failed')
      process.exit(1)
    },
  )
}
process.on('SIGTERM', () => stop('SIGTERM'))
process.on('SIGINT', () => stop('SIGINT'))
