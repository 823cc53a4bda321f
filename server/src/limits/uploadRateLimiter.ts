// A limit on image uploads per user (rate-limiter-flexible, in memory). The quota bounds what a document
// stores, but not the work: each upload is read, hashed and, when new, decoded whole on an export thread
// (a 12-megapixel JPEG takes about 2 s there), so a script could keep the export threads busy and every
// dossier export waiting. An author placing maps uploads a few a minute; the default sits far above that.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

/** Uploads per user in this many seconds (NOVEX_LIMIT_UPLOADS_PER_USER counts in this window). */
export const UPLOAD_WINDOW_SECONDS = 10 * 60
export const DEFAULT_UPLOADS_PER_USER = 60

export interface UploadRateLimiter {
  /** Counts one upload of the user: 0 when it may go ahead, else the milliseconds until the next may. */
  take(userId: string): Promise<number>
}

export function createUploadRateLimiter(uploadsPerUser: number = DEFAULT_UPLOADS_PER_USER): UploadRateLimiter {
  const limiter = new RateLimiterMemory({
    keyPrefix: 'upload-user',
    points: uploadsPerUser,
    duration: UPLOAD_WINDOW_SECONDS,
  })
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
