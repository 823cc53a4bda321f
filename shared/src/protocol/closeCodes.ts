// WebSocket close codes shared by server and client. 4000-4999 is the private-use range (RFC 6455
// §7.4.2). A client reconnects only on codes marked `retry`.
export const CloseCode = {
  /** Server shutting down or restarting: reconnect with backoff. */
  restart: 4000,
  /** Frame could not be decoded: a client bug or an attack; do not retry blindly. */
  malformed: 4001,
  /** Frame above the size limit. */
  tooLarge: 4002,
  /** Document could not be loaded (storage fault, quarantined). */
  unavailable: 4003,
  /** Too many connections or messages (a rate limit): reconnect after a backoff. */
  rateLimited: 4029,
  /** The user's right on this document was revoked. Do not reconnect. */
  forbidden: 4403,
  /** Session ended or expired. Do not reconnect; log in again. */
  unauthenticated: 4401,
  /** Document does not exist. */
  notFound: 4404,
} as const

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode]

const NO_RETRY: ReadonlySet<number> = new Set([CloseCode.forbidden, CloseCode.unauthenticated, CloseCode.notFound])

export function shouldReconnect(code: number): boolean {
  return !NO_RETRY.has(code)
}
