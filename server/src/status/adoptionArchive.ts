// When both governments have adopted an ontwikkelperspectief, its dossier is rendered once as PDF/A and
// kept in the archive (archiveStore.ts), as the trekker who recorded the last adoption sees it. Should
// that fail (the export threads busy, the disk full), the server tries again on its own, sooner first and
// then hourly (archiveRetryDelay.ts); a trekker may have it try at once (`retryNow`), and the start-up
// pass (`catchUp`) makes what a stop left undone: every adopted perspective ends with its archived
// dossier. Until then `state` says that the last attempt failed and when the next one is, so that the
// page never says "being made" about a dossier that is not.
import { type ArchivedDossier, type ArchiveState, readStatusRecord } from '@novex/shared'
import type { Logger } from 'pino'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { Audit } from '../accounts/audit.ts'
import type { DocumentSummaries } from '../documents/documentSummaries.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { Room } from '../rooms/room.ts'
import { archiveRetryDelay } from './archiveRetryDelay.ts'
import type { ArchiveStore } from './archiveStore.ts'

export const ARCHIVED_DOSSIER_NAME = 'Vastgesteld dossier (PDF/A)'

export interface AdoptionArchiveDeps {
  readonly store: ArchiveStore
  readonly catalog: Pick<DocumentCatalog, 'list' | 'get'>
  readonly accounts: Pick<AccountStore, 'getUser'>
  readonly summaries: Pick<DocumentSummaries, 'get'>
  /** Reads the adoption from the document (the server's `withRoom`). */
  readonly withRoom: <T>(documentId: string, work: (room: Pick<Room, 'doc'>) => T) => Promise<T>
  /** The dossier as PDF/A, as this user sees it; null when it was stopped. */
  readonly renderPdf: (user: User, record: DocumentRecord) => Promise<Uint8Array | null>
  readonly audit: Audit
  readonly logger: Logger
  /** The wait before the first retry after a failure; later ones wait longer (archiveRetryDelay.ts). */
  readonly firstRetryMs: number
  readonly now?: () => number
}

export interface AdoptionArchive {
  /** Renders and keeps the dossier as `user` sees it; null (logged, and retried later) when that failed now. */
  archive(record: DocumentRecord, user: User): Promise<ArchivedDossier | null>
  /**
   * Tries again at once, as the adopter sees it, unless the dossier is kept already (an attempt under
   * way is joined, not doubled); the state after it. Null when the perspective is not adopted. When the
   * adopter is no longer a user, as `requester` (a trekker of the area) sees it.
   */
  retryNow(record: DocumentRecord, requester: User): Promise<ArchiveState | null>
  /** The kept dossiers and, while there is none, whether the last attempt failed and when the next one is. */
  state(documentId: string): ArchiveState
  /** Archives every adopted perspective that has no archived dossier yet. */
  catchUp(): Promise<void>
  /** Clears the retry timers (server stop); what is still missing is made at the next start. */
  stop(): void
}

/** A perspective whose last attempt failed. */
interface Failure {
  readonly failedAt: number
  /** Failed attempts since the adoption or the server's start. */
  readonly failures: number
  /** When the timer fires; null while an attempt runs. */
  readonly nextAttemptAt: number | null
  readonly timer: NodeJS.Timeout | null
}

export function createAdoptionArchive(deps: AdoptionArchiveDeps): AdoptionArchive {
  const now = deps.now ?? Date.now
  const failures = new Map<string, Failure>()
  // One attempt per document at a time: a timer, a trekker's button and the start-up pass must not
  // render (and keep) the dossier twice.
  const attempts = new Map<string, Promise<ArchivedDossier | null>>()
  let stopped = false

  /**
   * The user who recorded the last adoption: the dossier is kept as they saw it. If their account is
   * gone, the trekker who asked for the retry (else nobody: a timer cannot fix that, a trekker can).
   */
  const adopterOf = async (record: DocumentRecord, fallback: User | null): Promise<User> => {
    const adopter = await deps.withRoom(record.id, (room) =>
      readStatusRecord(room.doc).decisions.findLast((d) => d.kind === 'adopted'),
    )
    const user = (adopter === undefined ? null : deps.accounts.getUser(adopter.by.userId)) ?? fallback
    if (user === null) throw new Error('the adopter is no longer a user; a trekker can retry by hand')
    return user
  }

  const settled = (documentId: string): void => {
    const failure = failures.get(documentId)
    if (failure?.timer) clearTimeout(failure.timer)
    failures.delete(documentId)
  }

  const failed = (documentId: string, error: unknown): void => {
    if (stopped) {
      deps.logger.error({ err: error, documentId }, 'adopted dossier NOT archived; made at the next start')
      return
    }
    const count = (failures.get(documentId)?.failures ?? 0) + 1
    const failedAt = now()
    const delay = archiveRetryDelay(count, deps.firstRetryMs)
    const timer = setTimeout(() => retryLater(documentId), delay)
    // A retry waiting must not keep the process alive (tests, the CLI); stop() clears it anyway.
    timer.unref()
    failures.set(documentId, { failedAt, failures: count, nextAttemptAt: failedAt + delay, timer })
    deps.logger.error(
      { err: error, documentId, failures: count, retryAt: new Date(failedAt + delay).toISOString() },
      'adopted dossier NOT archived; retried later',
    )
  }

  const run = async (
    record: DocumentRecord,
    by: User | null,
    fallback: User | null,
  ): Promise<ArchivedDossier | null> => {
    try {
      const [kept] = deps.store.list(record.id)
      if (kept !== undefined) {
        settled(record.id)
        return kept
      }
      const failure = failures.get(record.id)
      if (failure !== undefined) {
        if (failure.timer) clearTimeout(failure.timer)
        failures.set(record.id, { ...failure, nextAttemptAt: null, timer: null })
      }
      const user = by ?? (await adopterOf(record, fallback))
      const bytes = await deps.renderPdf(user, record)
      if (bytes === null) throw new Error('the rendering was stopped')
      const entry = deps.store.save({
        documentId: record.id,
        name: ARCHIVED_DOSSIER_NAME,
        format: 'pdf',
        bytes,
        createdBy: `${user.name} (${user.organisation.name})`,
      })
      settled(record.id)
      deps.audit({
        actor: user.id,
        action: 'document.archived',
        subject: record.id,
        details: { archiveId: entry.id, sha256: entry.sha256, size: entry.size },
      })
      deps.logger.info({ documentId: record.id, sha256: entry.sha256 }, 'adopted dossier archived')
      return entry
    } catch (error) {
      failed(record.id, error)
      return null
    }
  }

  const attempt = (
    record: DocumentRecord,
    by: User | null,
    fallback: User | null = null,
  ): Promise<ArchivedDossier | null> => {
    const running = attempts.get(record.id)
    if (running !== undefined) return running
    // `.finally` runs after the set below, also when `run` ends without waiting for anything.
    const work = run(record, by, fallback).finally(() => attempts.delete(record.id))
    attempts.set(record.id, work)
    return work
  }

  function retryLater(documentId: string): void {
    if (stopped) return
    try {
      const record = deps.catalog.get(documentId)
      if (record === null) {
        settled(documentId)
        return
      }
      void attempt(record, null)
    } catch (error) {
      // The catalog could not be read: a failed attempt like any other, tried again later.
      failed(documentId, error)
    }
  }

  const state = (documentId: string): ArchiveState => {
    const dossiers = deps.store.list(documentId)
    const failure = failures.get(documentId)
    return {
      dossiers,
      pending:
        dossiers.length > 0 || failure === undefined
          ? null
          : { failedAt: failure.failedAt, nextAttemptAt: failure.nextAttemptAt, failures: failure.failures },
    }
  }

  const adopted = (documentId: string): boolean => deps.summaries.get(documentId)?.status === 'vastgesteld'

  return {
    archive: (record, user) => attempt(record, user),
    async retryNow(record, requester) {
      if (!adopted(record.id)) return null
      await attempt(record, null, requester)
      return state(record.id)
    },
    state,
    async catchUp() {
      try {
        for (const record of deps.catalog.list()) {
          if (stopped) return
          // A failure is logged and retried by `attempt` itself: one document cannot keep the others from theirs.
          if (adopted(record.id) && deps.store.list(record.id).length === 0) await attempt(record, null)
        }
      } catch (error) {
        // The catalog or the archive could not be read at all; the next start tries again.
        deps.logger.error({ err: error }, 'adopted dossiers NOT checked at start-up')
      }
    },
    stop() {
      stopped = true
      for (const failure of failures.values()) if (failure.timer) clearTimeout(failure.timer)
    },
  }
}
