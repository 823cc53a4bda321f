// The only reader of process.env. Everything else receives a Config.
import { resolve } from 'node:path'
import { DEFAULT_SYNC_RATE_LIMITS, type SyncRateLimits } from './limits/syncRateLimiter.ts'
import { DEFAULT_COMMENTS_PER_USER, DEFAULT_UPLOADS_PER_USER } from './limits/userRateLimiter.ts'
import { type MailConfig, readMailConfig } from './notifications/mailConfig.ts'
import { type OidcConfig, readOidcConfig } from './oidc/oidcConfig.ts'

export interface Config {
  readonly port: number
  readonly host: string
  readonly dataDir: string
  readonly demo: boolean
  readonly clientDist: string
  readonly logLevel: string
  /** Origins allowed to open a sync socket; empty = same host only. */
  readonly allowedOrigins: readonly string[]
  /** Update rows per document after which the log is compacted into a snapshot. */
  readonly compactAfter: number
  /** Largest accepted WebSocket frame, in bytes. */
  readonly maxFrameBytes: number
  /** A connection whose unsent data grows past this does not read: it is closed. */
  readonly maxBufferedBytes: number
  /** Rate limits on sync connections, updates and presence. */
  readonly syncRateLimits: SyncRateLimits
  /** How long a login session lasts. */
  readonly sessionTtlMs: number
  /** A session not used for this long (no request; the page asks while its user works) ends; 0: never. */
  readonly sessionIdleMs: number
  /** Behind a reverse proxy: trust X-Forwarded-Proto/-For (for the Secure cookie and rate limits). */
  readonly trustProxy: boolean
  /** Threads that render dossier exports (0 = one fewer than the cores), and exports that may wait. */
  readonly exportThreads: number
  readonly exportQueue: number
  /** Bytes of uploaded images one document may hold: a bound on how much of the disk one document can take. */
  readonly imageQuotaBytes: number
  /** Image uploads one user may make in 10 minutes (NOVEX_LIMIT_UPLOADS_PER_USER). */
  readonly uploadsPerUser: number
  /** Comments, replies and edits one user may write in 10 minutes (NOVEX_LIMIT_COMMENTS_PER_USER). */
  readonly commentsPerUser: number
  /** Failed logins allowed per account and per IP in the window. */
  readonly loginLimits: { readonly perAccount: number; readonly perIp: number; readonly windowSeconds: number }
  /** Login through the organisation's identity provider (OIDC_*); null: e-mail and password only. */
  readonly oidc: OidcConfig | null
  /** E-mail about comments (SMTP_URL, MAIL_FROM, PUBLIC_URL); null: no e-mail is sent. */
  readonly mail: MailConfig | null
  /** The first retry after an adopted dossier could not be archived (NOVEX_ARCHIVE_RETRY_SECONDS). */
  readonly archiveRetryMs: number
}

export function readConfig(env: NodeJS.ProcessEnv, cwd: string): Config {
  return {
    port: intFrom(env.PORT, 4321, 'PORT'),
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(cwd, env.DATA_DIR ?? './data'),
    demo: env.NOVEX_DEMO !== '0',
    clientDist: resolve(cwd, env.CLIENT_DIST ?? '../client/dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter((o) => o.length > 0),
    compactAfter: intFrom(env.NOVEX_COMPACT_AFTER, 500, 'NOVEX_COMPACT_AFTER'),
    maxFrameBytes: intFrom(env.NOVEX_MAX_FRAME_BYTES, 16 * 1024 * 1024, 'NOVEX_MAX_FRAME_BYTES'),
    maxBufferedBytes: intFrom(env.NOVEX_MAX_BUFFERED_BYTES, 16 * 1024 * 1024, 'NOVEX_MAX_BUFFERED_BYTES'),
    syncRateLimits: readSyncRateLimits(env),
    sessionTtlMs: intFrom(env.SESSION_TTL_MINUTES, 12 * 60, 'SESSION_TTL_MINUTES') * 60_000,
    sessionIdleMs: intFrom(env.SESSION_IDLE_SECONDS, 60 * 60, 'SESSION_IDLE_SECONDS') * 1000,
    trustProxy: env.TRUST_PROXY === '1',
    exportThreads: intFrom(env.NOVEX_EXPORT_THREADS, 0, 'NOVEX_EXPORT_THREADS'),
    exportQueue: intFrom(env.NOVEX_EXPORT_QUEUE, 16, 'NOVEX_EXPORT_QUEUE'),
    imageQuotaBytes: intFrom(env.NOVEX_IMAGE_QUOTA_MB, 250, 'NOVEX_IMAGE_QUOTA_MB') * 1024 * 1024,
    uploadsPerUser: intFrom(env.NOVEX_LIMIT_UPLOADS_PER_USER, DEFAULT_UPLOADS_PER_USER, 'NOVEX_LIMIT_UPLOADS_PER_USER'),
    commentsPerUser: intFrom(
      env.NOVEX_LIMIT_COMMENTS_PER_USER,
      DEFAULT_COMMENTS_PER_USER,
      'NOVEX_LIMIT_COMMENTS_PER_USER',
    ),
    loginLimits: {
      perAccount: intFrom(env.LOGIN_LIMIT_PER_ACCOUNT, 5, 'LOGIN_LIMIT_PER_ACCOUNT'),
      perIp: intFrom(env.LOGIN_LIMIT_PER_IP, 30, 'LOGIN_LIMIT_PER_IP'),
      windowSeconds: intFrom(env.LOGIN_LIMIT_WINDOW_SECONDS, 15 * 60, 'LOGIN_LIMIT_WINDOW_SECONDS'),
    },
    oidc: readOidcConfig(env),
    mail: readMailConfig(env),
    archiveRetryMs: intFrom(env.NOVEX_ARCHIVE_RETRY_SECONDS, 60, 'NOVEX_ARCHIVE_RETRY_SECONDS') * 1000,
  }
}

/** NOVEX_LIMIT_<NAME> overrides one limit, e.g. NOVEX_LIMIT_UPDATES_PER_USER=300. */
function readSyncRateLimits(env: NodeJS.ProcessEnv): SyncRateLimits {
  const limits: Record<string, number> = {}
  for (const [name, fallback] of Object.entries(DEFAULT_SYNC_RATE_LIMITS)) {
    const variable = `NOVEX_LIMIT_${name.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`
    limits[name] = intFrom(env[variable], fallback, variable)
  }
  return { ...DEFAULT_SYNC_RATE_LIMITS, ...limits }
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`)
  return n
}
