// Rate limits on the sync endpoint (rate-limiter-flexible, in memory): connection attempts per IP
// (counted before authentication, so a flood of cookieless upgrades is cut off too) and per user;
// updates and presence per IP, per user and per document. The defaults sit far above honest use: fast
// typing is ~15 keystrokes a second, one update and one presence message each (the fault suite proves
// such typing is never limited), while a script sends thousands.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'
import type { FrameKind } from './inspectFrame.ts'

export interface SyncRateLimits {
  /** Connection attempts per minute. */
  readonly connectionsPerIp: number
  readonly connectionsPerUser: number
  /** Updates per 10 seconds. */
  readonly updatesPerIp: number
  readonly updatesPerUser: number
  readonly updatesPerDocument: number
  /** Presence messages per 10 seconds. */
  readonly presencePerIp: number
  readonly presencePerUser: number
  readonly presencePerDocument: number
}

export const DEFAULT_SYNC_RATE_LIMITS: SyncRateLimits = {
  connectionsPerIp: 600,
  connectionsPerUser: 120,
  updatesPerIp: 5_000,
  updatesPerUser: 600,
  updatesPerDocument: 5_000,
  presencePerIp: 5_000,
  presencePerUser: 600,
  presencePerDocument: 5_000,
}

const CONNECTION_WINDOW_S = 60
const MESSAGE_WINDOW_S = 10

export interface FrameSource {
  readonly ip: string
  readonly userId: string
  readonly documentId: string
}

export type LimitVerdict = { readonly allowed: true } | { readonly allowed: false; readonly limit: string }

export interface SyncRateLimiter {
  connectionFromIp(ip: string): Promise<LimitVerdict>
  connectionOfUser(userId: string): Promise<LimitVerdict>
  /** Control frames (step 1, barrier, query) are not limited: they are answered, never broadcast. */
  frame(kind: FrameKind, source: FrameSource): Promise<LimitVerdict>
}

const ALLOWED: LimitVerdict = { allowed: true }

export function createSyncRateLimiter(limits: SyncRateLimits = DEFAULT_SYNC_RATE_LIMITS): SyncRateLimiter {
  const limiter = (keyPrefix: string, points: number, duration: number) =>
    ({ name: keyPrefix, limiter: new RateLimiterMemory({ keyPrefix, points, duration }) }) as const
  const connIp = limiter('conn-ip', limits.connectionsPerIp, CONNECTION_WINDOW_S)
  const connUser = limiter('conn-user', limits.connectionsPerUser, CONNECTION_WINDOW_S)
  const updates = [
    [limiter('upd-ip', limits.updatesPerIp, MESSAGE_WINDOW_S), (s: FrameSource) => s.ip],
    [limiter('upd-user', limits.updatesPerUser, MESSAGE_WINDOW_S), (s: FrameSource) => s.userId],
    [limiter('upd-doc', limits.updatesPerDocument, MESSAGE_WINDOW_S), (s: FrameSource) => s.documentId],
  ] as const
  const presence = [
    [limiter('pres-ip', limits.presencePerIp, MESSAGE_WINDOW_S), (s: FrameSource) => s.ip],
    [limiter('pres-user', limits.presencePerUser, MESSAGE_WINDOW_S), (s: FrameSource) => s.userId],
    [limiter('pres-doc', limits.presencePerDocument, MESSAGE_WINDOW_S), (s: FrameSource) => s.documentId],
  ] as const

  const consume = async (entry: { name: string; limiter: RateLimiterMemory }, key: string): Promise<LimitVerdict> => {
    try {
      await entry.limiter.consume(key)
      return ALLOWED
    } catch (error) {
      // Over the limit, rate-limiter-flexible rejects with a RateLimiterRes; anything else is a bug.
      if (error instanceof RateLimiterRes) return { allowed: false, limit: entry.name }
      throw error
    }
  }

  return {
    connectionFromIp: (ip) => consume(connIp, ip),
    connectionOfUser: (userId) => consume(connUser, userId),
    async frame(kind, source) {
      if (kind === 'control') return ALLOWED
      for (const [entry, key] of kind === 'update' ? updates : presence) {
        const verdict = await consume(entry, key(source))
        if (!verdict.allowed) return verdict
      }
      return ALLOWED
    },
  }
}
