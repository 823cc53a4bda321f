// Seeds the demo on an empty database: the three demo areas, each with its ontwikkelperspectief, and
// three provincial voorstellen, with Dutch demo text; De Peel's perspective with its friction point as an
// open comment thread (demoThread.ts). Skipped with NOVEX_DEMO=0.
import {
  AREAS,
  type CommentAuthor,
  createSection,
  type DocumentKind,
  initialRanks,
  PROVINCES,
  templateFor,
} from '@novex/shared'
import * as Y from 'yjs'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import type { DocumentStore } from '../persistence/documentStore.ts'
import { addSchuurpunt } from './demoThread.ts'
import { PERSPECTIVE_TEXTS } from './perspectiveTexts.ts'
import { VOORSTEL_TEXTS } from './voorstelTexts.ts'

export const DEMO_PROVINCES = ['noord-brabant', 'overijssel', 'limburg'] as const

export function perspectiveId(areaId: string): string {
  return `ontwikkelperspectief-${areaId}`
}

export function voorstelId(provinceId: string): string {
  return `ruimtelijk-voorstel-${provinceId}`
}

/** The area whose perspective carries the demo's friction point. */
const SCHUURPUNT_AREA = 'de-peel'

/** `schuurpunt`: who writes the friction point's thread (the demo accounts); null: no thread. */
export function seedDemo(
  catalog: DocumentCatalog,
  store: DocumentStore,
  schuurpunt: { readonly province: CommentAuthor; readonly rijk: CommentAuthor } | null,
  now: number,
): number {
  if (catalog.count() > 0) return 0
  let created = 0
  for (const area of AREAS) {
    const texts = PERSPECTIVE_TEXTS[area.id]
    const doc = buildDocument('ontwikkelperspectief', (component) => (component ? (texts?.[component] ?? []) : []))
    if (area.id === SCHUURPUNT_AREA && schuurpunt !== null) addSchuurpunt(doc, schuurpunt, now)
    const id = perspectiveId(area.id)
    catalog.create({
      id,
      kind: 'ontwikkelperspectief',
      title: `Ontwikkelperspectief ${area.name}`,
      areaId: area.id,
      provinceId: null,
    })
    store.compact(id, Y.encodeStateAsUpdate(doc))
    created++
  }
  for (const provinceId of DEMO_PROVINCES) {
    const province = PROVINCES.find((p) => p.id === provinceId)
    const texts = VOORSTEL_TEXTS[provinceId] ?? []
    let index = 0
    const doc = buildDocument('ruimtelijk-voorstel', () => texts[index++] ?? [])
    const id = voorstelId(provinceId)
    catalog.create({
      id,
      kind: 'ruimtelijk-voorstel',
      title: `Ruimtelijk voorstel ${province?.name ?? provinceId}`,
      areaId: null,
      provinceId,
    })
    store.compact(id, Y.encodeStateAsUpdate(doc))
    created++
  }
  return created
}

function buildDocument(
  kind: DocumentKind,
  paragraphsFor: (component: ReturnType<typeof templateFor>[number]['component']) => readonly string[],
): Y.Doc {
  const doc = new Y.Doc()
  const template = templateFor(kind)
  const ranks = initialRanks(template.length)
  doc.transact(() => {
    template.forEach((section, i) => {
      createSection(doc, {
        title: section.title,
        rank: ranks[i] as (typeof ranks)[number],
        component: section.component,
        parent: null,
        paragraphs: paragraphsFor(section.component),
      })
    })
  })
  return doc
}
