// The ijkmomenten of a document. A trekker opens a round (a version of kind `roundStart` is stored as its
// starting point) and closes it: the server stores a version of the whole document (`roundEnd`), carries
// every open thread into the next round, and produces the round report (comparing with the round's start,
// found by its kind); all in one synchronous step on the room, so no edit lands between the version and
// the report.
import {
  type CommentThread,
  commentsMap,
  listThreads,
  REVIEW_STATE_KEY,
  type ReviewState,
  type Round,
  type RoundReport,
  readReview,
  reviewMap,
  roundName,
} from '@novex/shared'
import * as Y from 'yjs'
import { ApiError } from '../api/respond.ts'
import { commitServerChange, requireCommitted } from '../rooms/requireCommitted.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import { roundReport } from './roundReport.ts'
import type { VersionStore } from './versionStore.ts'

export interface ReviewActor {
  readonly userId: string
  /** "Name (Organisation)", as the round records it. */
  readonly name: string
}

/** A round opened or closed (for e-mail); `carried`: the open threads that went on into the next round. */
export interface RoundChange {
  readonly kind: 'opened' | 'closed'
  readonly documentId: string
  readonly round: Round
  readonly by: ReviewActor
  readonly carried: number
}

export interface ReviewHooks {
  /** After a round opened or closed; must not throw. */
  readonly onRoundChanged?: (change: RoundChange) => void
}

function nextRound(state: ReviewState): Round | null {
  const last = state.rounds.at(-1)
  if (!last) return 1
  return last.round < 3 ? ((last.round + 1) as Round) : null
}

/** A stored full state as a document of its own (for reading and comparing, never synced). */
export function docFrom(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, state)
  return doc
}

export function createReviewService(withRoom: WithRoom, versions: VersionStore, hooks: ReviewHooks = {}) {
  return {
    open: (documentId: string, actor: ReviewActor): Promise<ReviewState> =>
      withRoom(documentId, (room) => {
        requireCommitted(room)
        const state = readReview(room.doc)
        if (state.active !== null)
          throw new ApiError(409, 'round_active', `${roundName(state.active)} loopt al. Sluit het eerst af.`)
        const round = nextRound(state)
        if (round === null) throw new ApiError(409, 'no_rounds_left', 'Alle drie de ijkmomenten zijn afgesloten.')
        const start = versions.save(
          documentId,
          { kind: 'roundStart', round, createdBy: actor.name },
          Y.encodeStateAsUpdate(room.doc),
        )
        const next: ReviewState = {
          active: round,
          rounds: [
            ...state.rounds,
            { round, openedAt: start.createdAt, openedBy: actor.name, closedAt: null, closedBy: null, versionId: null },
          ],
        }
        commitServerChange(room, (doc) => reviewMap(doc).set(REVIEW_STATE_KEY, next))
        hooks.onRoundChanged?.({ kind: 'opened', documentId, round, by: actor, carried: 0 })
        return next
      }),

    close: (
      documentId: string,
      actor: ReviewActor,
    ): Promise<{ state: ReviewState; versionId: number; report: RoundReport }> =>
      withRoom(documentId, (room) => {
        requireCommitted(room)
        const state = readReview(room.doc)
        const round = state.active
        const record = state.rounds.at(-1)
        if (round === null || !record)
          throw new ApiError(409, 'no_round_active', 'Er loopt geen ijkmoment om af te sluiten.')
        const startInfo = versions.roundStart(documentId, round)
        const startState = startInfo ? versions.state(documentId, startInfo.id) : null
        const closedAt = Date.now()
        const following = round < 3 ? ((round + 1) as Round) : null
        const threads = listThreads(room.doc)
        const report = roundReport({
          round,
          openedAt: record.openedAt,
          closedAt,
          start: startState ? docFrom(startState) : new Y.Doc(),
          end: room.doc,
          threads,
        })
        const version = versions.save(
          documentId,
          { kind: 'roundEnd', round, createdBy: actor.name },
          Y.encodeStateAsUpdate(room.doc),
          report,
        )
        const next: ReviewState = {
          active: null,
          rounds: state.rounds.map((r) =>
            r === record ? { ...r, closedAt, closedBy: actor.name, versionId: version.id } : r,
          ),
        }
        let carried = 0
        commitServerChange(room, (doc) => {
          reviewMap(doc).set(REVIEW_STATE_KEY, next)
          if (following === null) return
          const comments = commentsMap(doc)
          for (const thread of threads) {
            if (thread.status !== 'open' || thread.carriedInto.includes(following)) continue
            const carriedThread: CommentThread = { ...thread, carriedInto: [...thread.carriedInto, following] }
            comments.set(thread.id, carriedThread)
            carried++
          }
        })
        hooks.onRoundChanged?.({ kind: 'closed', documentId, round, by: actor, carried })
        return { state: next, versionId: version.id, report }
      }),
  }
}

export type ReviewService = ReturnType<typeof createReviewService>
