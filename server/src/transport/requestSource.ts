// What a request says about where it came from: the client's address (for rate limits and the audit)
// and whether it came over HTTPS (for the Secure cookie and HSTS). Behind a trusted reverse proxy
// (TRUST_PROXY=1) the proxy's X-Forwarded-For and X-Forwarded-Proto count; otherwise only the socket,
// because anyone can send those headers.
import type { IncomingMessage } from 'node:http'

export function clientIp(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for']
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',')[0]?.trim() || 'unknown'
  return req.socket.remoteAddress ?? 'unknown'
}

export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ('encrypted' in req.socket && req.socket.encrypted === true) return true
  return trustProxy && req.headers['x-forwarded-proto'] === 'https'
}
