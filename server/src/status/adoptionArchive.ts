// When both governments have adopted an ontwikkelperspectief, its dossier is rendered once as PDF/A and
// kept in the archive (archiveStore.ts), as the trekker who recorded the last adoption sees it. Should
// that fail (the export threads busy, the disk full), the start-up pass makes it later (`catchUp`): every
// adopted perspective ends with its archived dossier.
import { type ArchivedDossier, readStatusRecord } from '@novex/shared'
import type { Logger } from 'pino'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { Audit } from '../accounts/audit.ts'
import type { DocumentSummaries } from '../documents/documentSummaries.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import type { WithRoom } from '../signoff/signoffService.ts'
import type { ArchiveStore } from './archiveStore.ts'

export const ARCHIVED_DOSSIER_NAME = 'Vastgesteld dossier (PDF/A)'

export interface AdoptionArchiveDeps {
  readonly store: ArchiveStore
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  readonly summaries: DocumentSummaries
  readonly withRoom: WithRoom
  /** The dossier as PDF/A, as this user sees it; null when it was stopped. */
  readonly renderPdf: (user: User, record: DocumentRecord) => Promise<Uint8Array | null>
  readonly audit: Audit
  readonly logger: Logger
}

export interface AdoptionArchive {
  /** Renders and keeps the dossier; null (logged) when that failed now. */
  archive(record: DocumentRecord, user: User): Promise<ArchivedDossier | null>
  /** Archives every adopted perspective that has no archived dossier yet. */
  catchUp(): Promise<void>
}

export function createAdoptionArchive(deps: AdoptionArchiveDeps): AdoptionArchive {
  const archive = async (record: DocumentRecord, user: User): Promise<ArchivedDossier | null> => {
    try {
      const bytes = await deps.renderPdf(user, record)
      if (bytes === null) return null
      const entry = deps.store.save({
        documentId: record.id,
        name: ARCHIVED_DOSSIER_NAME,
        format: 'pdf',
        bytes,
        createdBy: `${user.name} (${user.organisation.name})`,
      })
      deps.audit({
        actor: user.id,
        action: 'document.archived',
        subject: record.id,
        details: { archiveId: entry.id, sha256: entry.sha256, size: entry.size },
      })
      deps.logger.info({ documentId: record.id, sha256: entry.sha256 }, 'adopted dossier archived')
      return entry
    } catch (error) {
      deps.logger.error({ err: error, documentId: record.id }, 'adopted dossier NOT archived; retried at start-up')
      return null
    }
  }

  return {
    archive,
    async catchUp() {
      for (const record of deps.catalog.list()) {
        if (deps.summaries.get(record.id)?.status !== 'vastgesteld' || deps.store.list(record.id).length > 0) continue
        try {
          const adopter = await deps.withRoom(record.id, (room) =>
            readStatusRecord(room.doc).decisions.findLast((d) => d.kind === 'adopted'),
          )
          const user = adopter === undefined ? null : deps.accounts.getUser(adopter.by.userId)
          if (user === null) {
            deps.logger.error(
              { documentId: record.id },
              'adopted dossier NOT archived: the adopter is no longer a user',
            )
            continue
          }
          await archive(record, user)
        } catch (error) {
          // One document that cannot be loaded must not keep the others from their archive.
          deps.logger.error({ err: error, documentId: record.id }, 'adopted dossier NOT archived at start-up')
        }
      }
    },
  }
}
