// What the HTTP API changes in a document is on disk before it answers.
// - Decisions that record something about a document's text (a signature, a version) are taken only
//   on text that is on disk: write the room's pending updates first, and refuse when that fails.
// - A change the server makes on a user's behalf (a comment, a review round) is made only while the
//   document can be written, and written before the answer: a "saved" answer followed by a crash, or
//   by a shutdown while the disk is full, would lose a comment the page no longer holds.
import { ApiError, storageUnavailable } from '../api/respond.ts'
import type { Room } from './room.ts'

export function requireCommitted(room: Room): void {
  // The room's pending changes could not be written: the database fails, so nothing is decided now.
  if (!room.flushNow()) throw storageUnavailable()
}

/**
 * Applies a server change and commits it now. Refused (nothing applied) while earlier changes cannot be
 * written; when its own write fails it stays in memory and is written as soon as storage works again
 * (unless the server stops first), and the caller is told so (503 storage_delayed): the page keeps the
 * text, and the user sends it again only if it does not appear.
 */
export function commitServerChange(room: Room, change: Parameters<Room['applyServerChange']>[0]): void {
  requireCommitted(room)
  room.applyServerChange(change)
  if (!room.flushNow())
    throw new ApiError(
      503,
      'storage_delayed',
      'Ontvangen, maar nog niet opgeslagen: de opslag werkt even niet. Het wordt opgeslagen zodra dat weer lukt. Ziet u het over enkele minuten nog niet in het document, stuur het dan opnieuw.',
    )
}
