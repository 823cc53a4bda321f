// Why the server refused this page's connection at the HTTP upgrade. The sync endpoint answers a
// reconnect whose session ended with 401, one without access to the document with 403 or 404, and one
// to a document it cannot load (quarantined: a stored row is corrupt) with 503, before any WebSocket
// exists; a browser's WebSocket only reports that the connection failed. Without asking, a page whose
// session expired while it was away (a laptop asleep overnight) would show "Offline" and retry for ever,
// and a page whose document is out of service would blame the user's network. So after a connection
// that never opened, the page asks the HTTP API the same questions and acts on the close code the server
// would have closed an open connection with (CloseCode): the same notice and the same way on.
import { CloseCode } from '@novex/shared'
import { isRecord } from '../api/request.ts'

/** What the server answered a GET of one of its paths: status 0 when it could not be reached. */
export interface Answer {
  readonly status: number
  /** The parsed JSON body; null when there is none. */
  readonly body: unknown
}

export type Ask = (path: string) => Promise<Answer>

/**
 * The close code the refusal stands for: `unauthenticated` when there is no live session, `forbidden`
 * when the document is not (or no longer) there for this user (the API answers unknown and forbidden
 * documents alike), `unavailable` when the server cannot load the document (it stays refused until an
 * operator repaired it; the page keeps trying). Null when the refusal may pass: unreachable,
 * restarting, busy (429), failing.
 */
export async function upgradeRefusal(documentId: string, ask: Ask): Promise<number | null> {
  const session = await ask('/api/session')
  if (session.status === 401) return CloseCode.unauthenticated
  if (session.status !== 200) return null
  const document = await ask(`/api/documents/${encodeURIComponent(documentId)}`)
  if (document.status === 403 || document.status === 404) return CloseCode.forbidden
  if (document.status === 200 && isRecord(document.body) && document.body.available === false)
    return CloseCode.unavailable
  return null
}
