// What the page does about a refused change, and how far it got. The server refuses an update as a
// whole and never applies it; the structs stay in our document (and its local copy), so every later
// change would be refused as well. For these reasons the page therefore rebuilds the document from
// the server's state under a fresh client id and replays the user's work onto it (replayPending).
// Not for `read-only` (nothing may be written; the access frame says so) and not for `storage` (the
// server could not write for a while; the same update goes out again on the next connection).
import { RefusalReason } from '@novex/shared'
import type { CaretSpot } from '../editor/caretSpot.ts'
import type { RefusedSection } from './replayPending.ts'

const REBUILD_REASONS: ReadonlySet<string> = new Set([
  RefusalReason.locked,
  RefusalReason.frozen,
  RefusalReason.serverOwned,
  RefusalReason.foreignClient,
  RefusalReason.unresolved,
  RefusalReason.malformed,
  RefusalReason.schema,
  RefusalReason.content,
])

export function needsRebuild(reason: string): boolean {
  return REBUILD_REASONS.has(reason)
}

/**
 * A refusal that the next "saved" makes out of date: the server could not store for a while, the
 * page kept the change and sent it again once it could (its sync step 2), and now it is stored.
 */
export function settledBySave(reason: string): boolean {
  return reason === RefusalReason.storage
}

export type Recovery =
  /**
   * The document is being fetched from the server again; the user's changes follow. The refused
   * document's editors stay and keep taking keys meanwhile: the replay reads them at the end.
   */
  | { readonly phase: 'rebuilding'; readonly section: string | null }
  /**
   * Rebuilt and replayed. `refused`: what could not be replayed (a locked section), to show and copy.
   * `section`: where the user was working, to give the focus back to; `caret`: where in it, if known.
   */
  | {
      readonly phase: 'replayed'
      readonly refused: readonly RefusedSection[]
      readonly section: string | null
      readonly caret: CaretSpot | null
    }
  /** Refused again and again: the page stopped trying (see rebuildGuard). */
  | { readonly phase: 'gave-up'; readonly section: string | null; readonly caret: CaretSpot | null }
