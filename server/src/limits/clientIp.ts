// The address a request came from, for rate limits: the socket's peer, or the first X-Forwarded-For
// entry when the server runs behind a trusted proxy (TRUST_PROXY=1).
import type { IncomingMessage } from 'node:http'

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',')[0]?.trim() || 'unknown'
  return req.socket.remoteAddress ?? 'unknown'
}
