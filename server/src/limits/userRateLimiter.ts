// Limits on what one user may do in a window (rate-limiter-flexible, in memory), for requests that cost
// the server or other people more than their size says:
// - image uploads: each is read, hashed and, when new, decoded whole on an export thread (a 12-megapixel
//   JPEG takes about 2 s there), so a script could keep the export threads busy and every dossier export
//   waiting. An author placing maps uploads a few a minute.
// - comment writes (a new thread, a reply, an edit): each may mention up to COMMENT_LIMITS.mentions
//   people, and with notification e-mail each mention is a mail, so a script could fill colleagues'
//   inboxes. A reviewer in a busy round writes a few comments a minute.
// The defaults sit far above what people do.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/** Uploads and comment writes are counted per user in this many seconds (NOVEX_LIMIT_*_PER_USER counts in it). */
export const USER_WINDOW_SECONDS = 10 * 60
export const DEFAULT_UPLOADS_PER_USER = 60
export const DEFAULT_COMMENTS_PER_USER = 120

export interface UserRateLimiter {
  /** Counts one request of the user: 0 when it may go ahead, else the milliseconds until the next may. */
  take(userId: string): Promise<number>
}

export function createUserRateLimiter(keyPrefix: string, perUser: number): UserRateLimiter {
  const limiter = new RateLimiterMemory({ keyPrefix, points: perUser, duration: USER_WINDOW_SECONDS })
  return {
    async take(userId) {
      try {
        await limiter.consume(userId)
        return 0
      } catch (error) {
        // Over the limit: rate-limiter-flexible rejects with a RateLimiterRes that says how long to wait.
        if (error instanceof RateLimiterRes) return Math.max(1, error.msBeforeNext)
        throw error
      }
    },
  }
}
