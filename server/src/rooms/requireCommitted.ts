// Decisions that record something about a document's text (a signature, a version) are taken only on
// text that is on disk: write the room's pending updates first, and refuse when that fails.
import { ApiError } from '../api/respond.ts'
import type { Room } from './room.ts'

export function requireCommitted(room: Room): void {
  if (!room.flushNow())
    throw new ApiError(
      503,
      'storage_unavailable',
      'De laatste wijzigingen zijn nog niet opgeslagen. Probeer het over enkele seconden opnieuw.',
    )
}
