// Fills the dossier model from the live document and the ledger: every section in order, the content
// of locked sections exactly as signed (their hashes are verified before this is called), and for an
// ontwikkelperspectief its status with the trekkers' decisions. The images those sections show come
// from storage afterwards (images/dossierImages.ts).
import {
  AREAS,
  COMPONENTS,
  canonicalSection,
  DOCUMENT_STATUS_TITLES,
  documentSenders,
  orderedSections,
  PROVINCES,
  readStatusRecord,
  statusOf,
} from '@novex/shared'
import type * as Y from 'yjs'
import type { Dossier, DossierStatus } from '../export/dossier.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import type { Room } from '../rooms/room.ts'
import type { SignoffService } from './signoffService.ts'

export function dossierFromRoom(
  record: DocumentRecord,
  room: Pick<Room, 'doc'>,
  signoffs: Pick<SignoffService, 'states' | 'ledger'>,
  now: number,
): Omit<Dossier, 'images'> {
  const states = signoffs.states(record.id)
  const area = AREAS.find((a) => a.id === record.areaId)
  const province = PROVINCES.find((p) => p.id === record.provinceId)
  return {
    documentId: record.id,
    title: record.title,
    areaName: area?.name ?? province?.name ?? '',
    // The same senders as the app's header shows: the Rijk and every province of the area.
    coSenders: documentSenders(record),
    generatedAt: now,
    // A ruimtelijk voorstel has no status process (docs/status.md).
    status: record.kind === 'ontwikkelperspectief' ? dossierStatus(room.doc) : null,
    sections: orderedSections(room.doc).map((section) => {
      const signoff = states.get(section.id)
      const locked = signoff?.locked != null
      return {
        sectionId: section.id,
        number: section.number,
        depth: section.depth,
        title: section.title.toString(),
        component: section.component,
        componentLabel: COMPONENTS.find((c) => c.key === section.component)?.title ?? null,
        locked,
        content: locked ? canonicalSection(section).content : [],
        signoff: signoff ?? { signatures: [], locked: null, lapsed: [], reopenRequest: null, requested: null },
      }
    }),
    ledger: signoffs.ledger(record.id),
  }
}

function dossierStatus(doc: Y.Doc): DossierStatus {
  const status = statusOf(doc)
  return { status, title: DOCUMENT_STATUS_TITLES[status], decisions: readStatusRecord(doc).decisions }
}
