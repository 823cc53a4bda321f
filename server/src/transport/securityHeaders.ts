// Headers on every HTTP response. The CSP allows the app itself only (scripts, styles, sockets to the
// same host); 'unsafe-inline' styles are needed by the editor's inline caret colours. A response to a
// request that came over HTTPS also says that the host is to be reached over HTTPS only from now on
// (HSTS, one year; the BIO asks for HTTPS with HSTS in production); over plain HTTP a browser ignores
// that header, so it is not sent there (the demo on localhost).
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isHttps } from './requestSource.ts'

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ')

/** One year, in seconds. */
export const HSTS = 'max-age=31536000; includeSubDomains'

export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, trustProxy: boolean): void {
  if (isHttps(req, trustProxy)) res.setHeader('strict-transport-security', HSTS)
  res.setHeader('content-security-policy', CSP)
  res.setHeader('x-content-type-options', 'nosniff')
  res.setHeader('referrer-policy', 'same-origin')
  res.setHeader('x-frame-options', 'DENY')
}
