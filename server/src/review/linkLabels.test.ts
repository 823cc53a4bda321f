// How a link in a comparison or a round report is named for its reader, in every state: the title now,
// the last known title when the section is gone or its document cannot be opened for now, and nothing at
// all about a document the reader may not open or that does not exist.
import {
  createSection,
  type DiffPart,
  initialRanks,
  type Rank,
  type RoundReport,
  type SectionComparison,
  type SectionId,
} from '@novex/shared'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { User } from '../accounts/accountStore.ts'
import type { TargetInfo } from '../links/linkStore.ts'
import { CorruptDocumentError } from '../persistence/corruptDocumentError.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import type { Room } from '../rooms/room.ts'
import { comparisonFor, type LinkLabelDeps, reportFor } from './linkLabels.ts'
import { UNNAMED_LINK } from './linkPlaceholders.ts'

const PERSPECTIVE = 'ontwikkelperspectief-de-peel'
const VOORSTEL = 'ruimtelijk-voorstel-noord-brabant'
const LIMBURG = 'ruimtelijk-voorstel-limburg'
const QUARANTINED = 'ruimtelijk-voorstel-gelderland'
const ranks = initialRanks(4) as Rank[]

function docWith(sections: readonly { id: string; title: string }[]): Y.Doc {
  const doc = new Y.Doc()
  for (const [i, s] of sections.entries())
    createSection(doc, { id: s.id as SectionId, title: s.title, rank: ranks[i] as Rank })
  return doc
}

const docs = new Map<string, Y.Doc>([
  [PERSPECTIVE, docWith([{ id: 'hoofdopgave01', title: 'Hoofdopgave' }])],
  [
    VOORSTEL,
    docWith([
      { id: 'inleiding0001', title: 'Inleiding' },
      { id: 'wonen00000001', title: 'Wonen en verstedelijking' },
    ]),
  ],
])
const record = (id: string, title: string): DocumentRecord => ({
  id,
  kind: id === PERSPECTIVE ? 'ontwikkelperspectief' : 'ruimtelijk-voorstel',
  title,
  areaId: null,
  provinceId: null,
})
const records = new Map([
  [PERSPECTIVE, record(PERSPECTIVE, 'Ontwikkelperspectief De Peel')],
  [VOORSTEL, record(VOORSTEL, 'Ruimtelijk voorstel Noord-Brabant')],
  [LIMBURG, record(LIMBURG, 'Ruimtelijk voorstel Limburg')],
  [QUARANTINED, record(QUARANTINED, 'Ruimtelijk voorstel Gelderland')],
])
const lastKnown = new Map<string, TargetInfo>([
  [`${VOORSTEL}/vervallen0001`, { title: 'Vervallen paragraaf', number: '7', deleted: true }],
  [`${QUARANTINED}/gelderland001`, { title: 'Rivierengebied', number: '2', deleted: false }],
  [`${LIMBURG}/limburg000001`, { title: 'Geheim', number: '1', deleted: false }],
])

const deps: LinkLabelDeps = {
  catalog: {
    get: (id) => records.get(id) ?? null,
    list: () => [...records.values()],
    create: () => {},
    count: () => 0,
  },
  authorize: (_user, doc) => (doc.id === LIMBURG ? null : 'edit'),
  withRoom: async (documentId, work) => {
    const doc = docs.get(documentId)
    if (!doc) throw new CorruptDocumentError(documentId, 3, 'test')
    return work({ id: documentId, doc } as unknown as Room)
  },
  linkTargets: { target: (documentId, sectionId) => lastKnown.get(`${documentId}/${sectionId}`) ?? null },
}
const reader: User = {
  id: 'u1',
  email: 'rijk.auteur@novex.example',
  name: 'Anne de Vries',
  organisation: { id: 'lvvn', name: 'Ministerie van LVVN', kind: 'rijk', oin: null, provinceId: null },
  disabled: false,
}

const linkTo = (documentId: string, sectionId: string, added = true): DiffPart => ({
  value: UNNAMED_LINK,
  ...(added ? { added: true as const } : {}),
  link: { documentId, sectionId },
})
const comparison = (parts: DiffPart[]): SectionComparison[] => [
  { sectionId: 'hoofdopgave01', title: 'Hoofdopgave', status: 'changed', parts, inserted: 0, deleted: 0 },
]

describe('naming the links of a comparison for its reader', () => {
  it('names a section now, with its document when that is another one', async () => {
    const [section] = await comparisonFor(
      deps,
      reader,
      PERSPECTIVE,
      comparison([{ value: 'Zie ' }, linkTo(VOORSTEL, 'wonen00000001'), linkTo(PERSPECTIVE, 'hoofdopgave01', false)]),
      [],
    )
    expect(section?.parts).toEqual([
      { value: 'Zie ' },
      {
        value: '[koppeling: § 2 Wonen en verstedelijking (Ruimtelijk voorstel Noord-Brabant)]',
        added: true,
        link: {
          documentId: VOORSTEL,
          sectionId: 'wonen00000001',
          state: 'valid',
          title: 'Wonen en verstedelijking',
          number: '2',
          documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
        },
      },
      {
        value: '[koppeling: § 1 Hoofdopgave]',
        link: {
          documentId: PERSPECTIVE,
          sectionId: 'hoofdopgave01',
          state: 'valid',
          title: 'Hoofdopgave',
          number: '1',
        },
      },
    ])
  })

  it('keeps the last known title of a section that is gone or cannot be read now', async () => {
    const older = docWith([
      { id: 'hoofdopgave01', title: 'Hoofdopgave' },
      { id: 'bijlage000001', title: 'Bijlage kaarten' },
    ])
    const [section] = await comparisonFor(
      deps,
      reader,
      PERSPECTIVE,
      comparison([
        linkTo(VOORSTEL, 'vervallen0001'),
        linkTo(QUARANTINED, 'gelderland001'),
        // Gone from this document and never indexed: the title it had in the compared version.
        linkTo(PERSPECTIVE, 'bijlage000001'),
        linkTo(VOORSTEL, 'nooitgezien01'),
      ]),
      [older],
    )
    expect(section?.parts.map((p) => [p.value, p.link?.state])).toEqual([
      ['[koppeling: § 7 Vervallen paragraaf (Ruimtelijk voorstel Noord-Brabant), verwijderd]', 'broken'],
      ['[koppeling: § 2 Rivierengebied (Ruimtelijk voorstel Gelderland), tijdelijk niet beschikbaar]', 'unavailable'],
      ['[koppeling: § 2 Bijlage kaarten, verwijderd]', 'broken'],
      ['[koppeling: sectie zonder titel (Ruimtelijk voorstel Noord-Brabant), verwijderd]', 'broken'],
    ])
  })

  it('tells nothing about a document the reader may not open, or one that does not exist', async () => {
    const [section] = await comparisonFor(
      deps,
      reader,
      PERSPECTIVE,
      comparison([linkTo(LIMBURG, 'limburg000001'), linkTo('ruimtelijk-voorstel-nergens', 'ergens000001')]),
      [],
    )
    expect(section?.parts).toEqual([
      {
        value: '[koppeling: geen toegang]',
        added: true,
        link: { documentId: LIMBURG, sectionId: 'limburg000001', state: 'no-access' },
      },
      {
        value: '[koppeling: sectie zonder titel, verwijderd]',
        added: true,
        link: {
          documentId: 'ruimtelijk-voorstel-nergens',
          sectionId: 'ergens000001',
          state: 'broken',
          title: '',
          number: '',
        },
      },
    ])
  })

  it('names the links of a stored round report the same way, and leaves a report without links as it is', async () => {
    const report: RoundReport = {
      round: 1,
      name: 'IJkmoment 1',
      openedAt: 1,
      closedAt: 2,
      totals: { opened: 0, resolved: 0, open: 0 },
      sections: [
        {
          sectionId: 'hoofdopgave01',
          number: '1',
          title: 'Hoofdopgave',
          opened: {},
          resolved: {},
          open: {},
          changes: {
            inserted: 1,
            deleted: 0,
            parts: [{ value: 'Zie ', added: true }, linkTo(LIMBURG, 'limburg000001')],
          },
        },
      ],
    }
    const named = await reportFor(deps, reader, PERSPECTIVE, report)
    expect(named.sections[0]?.changes.parts.map((p) => p.value)).toEqual(['Zie ', '[koppeling: geen toegang]'])
    expect(JSON.stringify(named)).not.toContain('Geheim')
    const plain = { ...report, sections: [] }
    expect(await reportFor(deps, reader, PERSPECTIVE, plain)).toBe(plain)
  })
})
