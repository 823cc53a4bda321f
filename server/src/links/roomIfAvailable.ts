// Reading another document for a links answer (a link's target, a backlink's source, a wisselwerking
// outline): a document the server cannot open (quarantined: a stored row is corrupt) must not fail the
// whole answer about the documents that are fine. Its part is marked unavailable instead.
import { CorruptDocumentError } from '../persistence/corruptDocumentError.ts'
import type { Room } from '../rooms/room.ts'
import type { WithRoom } from '../signoff/signoffService.ts'

export type RoomRead<T> = { readonly available: true; readonly value: T } | { readonly available: false }

/** `work` on the document's room, or `{ available: false }` when the document cannot be loaded. */
export async function roomIfAvailable<T>(
  withRoom: WithRoom,
  documentId: string,
  work: (room: Room) => T,
): Promise<RoomRead<T>> {
  try {
    return { available: true, value: await withRoom(documentId, work) }
  } catch (error) {
    if (error instanceof CorruptDocumentError) return { available: false }
    throw error
  }
}
