import {
  appendSection,
  metaMap,
  REVIEW_STATE_KEY,
  type RoundRecord,
  reviewMap,
  STATUS_KEY,
  type StatusDecider,
  type StatusDecision,
} from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { dossierFromRoom } from './dossierFromRoom.ts'

const RECORD: DocumentRecord = {
  id: 'ontwikkelperspectief-de-peel',
  kind: 'ontwikkelperspectief',
  title: 'Ontwikkelperspectief De Peel',
  areaId: null,
  provinceId: 'noord-brabant',
}
const NO_SIGNOFFS = { states: () => new Map(), ledger: () => [] }

const rijk: StatusDecider = {
  userId: 'u-rijk',
  name: 'Anne de Vries',
  organisationName: 'Ministerie van LVVN',
  side: 'rijk',
}
const regio: StatusDecider = { ...rijk, userId: 'u-prov', name: 'Joost van Eijk', side: 'provincie' }
const round = (n: 1 | 2 | 3): RoundRecord => ({
  round: n,
  openedAt: n,
  openedBy: 'u-rijk',
  closedAt: n + 1,
  closedBy: 'u-rijk',
  versionId: n,
})
const DECISIONS: StatusDecision[] = [
  { kind: 'submitted', at: 10, by: regio, date: null, note: 'Graag <&> "snel"' },
  { kind: 'consented', at: 20, by: rijk, date: '2026-10-01', note: 'BO-MIRT najaar 2026' },
  { kind: 'consented', at: 30, by: regio, date: '2026-10-01', note: 'BO-MIRT najaar 2026' },
]

/** A document after IJkmoment 3, submitted and consented to by both sides. */
function consentedDoc(): Y.Doc {
  const doc = new Y.Doc()
  appendSection(doc, { title: 'De hoofdopgave', component: 'hoofdopgave' })
  reviewMap(doc).set(REVIEW_STATE_KEY, { active: null, rounds: [round(1), round(2), round(3)] })
  metaMap(doc).set(STATUS_KEY, { decisions: DECISIONS })
  return doc
}

describe('dossierFromRoom', () => {
  it("reads an ontwikkelperspectief's status, with its Dutch title, and every decision from the document", () => {
    const dossier = dossierFromRoom(RECORD, { doc: consentedDoc() }, NO_SIGNOFFS, 0)
    expect(dossier.status).toEqual({
      status: 'onderschreven',
      title: 'Onderschreven door Rijk en regio',
      decisions: DECISIONS,
    })
    expect(dossier.sections.map((s) => s.title)).toEqual(['De hoofdopgave'])
  })

  it('follows the review rounds before any decision', () => {
    const doc = new Y.Doc()
    reviewMap(doc).set(REVIEW_STATE_KEY, {
      active: 2,
      rounds: [round(1), { ...round(2), closedAt: null, closedBy: null }],
    })
    expect(dossierFromRoom(RECORD, { doc }, NO_SIGNOFFS, 0).status).toEqual({
      status: 'ijkmoment-2',
      title: 'IJkmoment 2',
      decisions: [],
    })
  })

  it('names every sender, as the document header does: the Rijk and each province of the area', () => {
    const dePeel: DocumentRecord = { ...RECORD, areaId: 'de-peel', provinceId: null }
    expect(dossierFromRoom(dePeel, { doc: consentedDoc() }, NO_SIGNOFFS, 0).coSenders).toEqual({
      rijkLead: 'Ministerie van LVVN',
      provinces: ['Noord-Brabant', 'Limburg'],
    })
    const voorstel: DocumentRecord = { ...RECORD, kind: 'ruimtelijk-voorstel', areaId: null }
    expect(dossierFromRoom(voorstel, { doc: consentedDoc() }, NO_SIGNOFFS, 0).coSenders).toEqual({
      rijkLead: null,
      provinces: ['Noord-Brabant'],
    })
  })

  it('gives a ruimtelijk voorstel no status, whatever its meta map holds', () => {
    const voorstel: DocumentRecord = { ...RECORD, id: 'rv-noord-brabant', kind: 'ruimtelijk-voorstel', areaId: null }
    expect(dossierFromRoom(voorstel, { doc: consentedDoc() }, NO_SIGNOFFS, 0).status).toBeNull()
  })
})
