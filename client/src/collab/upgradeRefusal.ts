// Why the server refused this page's connection at the HTTP upgrade, if it was for good. The sync
// endpoint answers a reconnect whose session ended with 401, and one without access to the document
// with 403 or 404, before any WebSocket exists; a browser's WebSocket only reports that the connection
// failed. Without asking, a page whose session expired while it was away (a laptop asleep overnight)
// would show "Offline" and retry for ever. So after a connection that never opened, the page asks the
// HTTP API the same two questions and, when the answer is final, closes as the server would have closed
// an open connection (CloseCode), with the same notice and the same way on.
import { CloseCode } from '@novex/shared'

/** The HTTP status of a GET to a path of the server; 0 when the server could not be reached. */
export type StatusOf = (path: string) => Promise<number>

/**
 * The close code the refusal stands for: `unauthenticated` when there is no live session, `forbidden`
 * when the document is not (or no longer) there for this user (the API answers unknown and forbidden
 * documents alike). Null when the refusal may pass: unreachable, restarting, busy (429), unavailable.
 */
export async function upgradeRefusal(documentId: string, statusOf: StatusOf): Promise<number | null> {
  const session = await statusOf('/api/session')
  if (session === 401) return CloseCode.unauthenticated
  if (session !== 200) return null
  const document = await statusOf(`/api/documents/${encodeURIComponent(documentId)}`)
  return document === 403 || document === 404 ? CloseCode.forbidden : null
}
