// Rate limits on failed logins, per account and per IP (rate-limiter-flexible, in memory). A success
// clears the account's counter. Honest users who mistype a few times are never blocked.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

export interface LoginLimits {
  readonly perAccount: number
  readonly perIp: number
  readonly windowSeconds: number
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perIp: 30, windowSeconds: 15 * 60 }

export interface LoginLimiter {
  /** Milliseconds until a new attempt is allowed, or 0. */
  blockedFor(account: string, ip: string): Promise<number>
  recordFailure(account: string, ip: string): Promise<void>
  recordSuccess(account: string): Promise<void>
}

export function createLoginLimiter(limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginLimiter {
  const byAccount = new RateLimiterMemory({
    keyPrefix: 'account',
    points: limits.perAccount,
    duration: limits.windowSeconds,
  })
  const byIp = new RateLimiterMemory({ keyPrefix: 'ip', points: limits.perIp, duration: limits.windowSeconds })
  const wait = async (limiter: RateLimiterMemory, key: string, points: number): Promise<number> => {
    const res = await limiter.get(key)
    return res !== null && res.consumedPoints >= points ? res.msBeforeNext : 0
  }
  const consume = async (limiter: RateLimiterMemory, key: string): Promise<void> => {
    try {
      await limiter.consume(key)
    } catch (error) {
      // Over the limit: rate-limiter-flexible rejects with a RateLimiterRes; the next blockedFor() says so.
      if (!(error instanceof RateLimiterRes)) throw error
    }
  }
  return {
    async blockedFor(account, ip) {
      return Math.max(await wait(byAccount, account, limits.perAccount), await wait(byIp, ip, limits.perIp))
    },
    async recordFailure(account, ip) {
      await consume(byAccount, account)
      await consume(byIp, ip)
    },
    async recordSuccess(account) {
      await byAccount.delete(account)
    },
  }
}
