// The status of the sample dossier: De Peel vastgesteld, after a submission that was withdrawn, a new
// one, consent of both sides and adoption by both. The first note holds characters that XML and
// Markdown must escape; DECISION_LINES are the lines every format must show, written out by hand.
import type { StatusDecider, StatusDecision } from '@novex/shared'
import type { DossierStatus } from '../dossier.ts'

const RIJK_TREKKER: StatusDecider = {
  userId: 'u-rijk',
  name: 'Anne de Vries',
  organisationName: 'Ministerie van LVVN',
  side: 'rijk',
}
const PROVINCIE_TREKKER: StatusDecider = {
  userId: 'u-prov',
  name: 'Joost van Eijk',
  organisationName: 'Provincie Noord-Brabant',
  side: 'provincie',
}

/** A note with `<&>"` and a Markdown emphasis: it has to come back as typed. */
export const SUBMISSION_NOTE = 'Graag agenderen voor het BOL; let op: "kosten" <&> baten, *niet* vet'

export const DECISIONS: readonly StatusDecision[] = [
  {
    kind: 'submitted',
    at: Date.UTC(2026, 8, 1, 8, 0), // 01-09-2026 10:00 in Amsterdam
    by: PROVINCIE_TREKKER,
    date: null,
    note: SUBMISSION_NOTE,
  },
  {
    kind: 'withdrawn',
    at: Date.UTC(2026, 8, 3, 13, 45),
    by: PROVINCIE_TREKKER,
    date: null,
    note: 'De kaart in § 2 moet nog worden bijgewerkt',
  },
  { kind: 'submitted', at: Date.UTC(2026, 8, 10, 7, 30), by: RIJK_TREKKER, date: null, note: '' },
  {
    kind: 'consented',
    at: Date.UTC(2026, 9, 2, 9, 0),
    by: RIJK_TREKKER,
    date: '2026-10-01',
    note: 'BO-MIRT najaar 2026',
  },
  {
    kind: 'consented',
    at: Date.UTC(2026, 9, 2, 9, 5),
    by: PROVINCIE_TREKKER,
    date: '2026-10-01',
    note: 'BO-MIRT najaar 2026',
  },
  {
    kind: 'adopted',
    at: Date.UTC(2026, 10, 18, 12, 0),
    by: PROVINCIE_TREKKER,
    date: '2026-11-17',
    note: 'Besluit GS 2026-123',
  },
  {
    kind: 'adopted',
    at: Date.UTC(2026, 10, 20, 10, 0),
    by: RIJK_TREKKER,
    date: '2026-11-19',
    note: 'Besluit minister van LVVN 2026/88',
  },
]

export const SAMPLE_STATUS: DossierStatus = { status: 'vastgesteld', title: 'Vastgesteld', decisions: DECISIONS }

/** The decisions as every format must show them, in this order. */
export const DECISION_LINES: readonly string[] = [
  `Ter instemming aangeboden door Joost van Eijk (Provincie Noord-Brabant) op 01-09-2026 10:00. Toelichting: ${SUBMISSION_NOTE}`,
  'Aanbieding ingetrokken door Joost van Eijk (Provincie Noord-Brabant) op 03-09-2026 15:45. Reden: De kaart in § 2 moet nog worden bijgewerkt',
  'Ter instemming aangeboden door Anne de Vries (Ministerie van LVVN) op 10-09-2026 09:30.',
  'Instemming van het Rijk op 01-10-2026, vastgelegd door Anne de Vries (Ministerie van LVVN). Overleg: BO-MIRT najaar 2026',
  'Instemming van de regio op 01-10-2026, vastgelegd door Joost van Eijk (Provincie Noord-Brabant). Overleg: BO-MIRT najaar 2026',
  'Vastgesteld door de regio op 17-11-2026, vastgelegd door Joost van Eijk (Provincie Noord-Brabant). Besluit: Besluit GS 2026-123',
  'Vastgesteld door het Rijk op 19-11-2026, vastgelegd door Anne de Vries (Ministerie van LVVN). Besluit: Besluit minister van LVVN 2026/88',
]
