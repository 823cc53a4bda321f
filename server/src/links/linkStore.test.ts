import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type Db, openDatabase } from '../persistence/database.ts'
import { createLinkStore, type LinkRow, type LinkStore } from './linkStore.ts'

let dir: string
let db: Db
let store: LinkStore

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'novex-links-'))
  db = openDatabase(dir)
  store = createLinkStore(db)
})

afterEach(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

const PEEL = 'ontwikkelperspectief-de-peel'
const BRABANT = 'ruimtelijk-voorstel-noord-brabant'
const LIMBURG = 'ruimtelijk-voorstel-limburg'

const link = (sourceSection: string, targetDocument: string, targetSection: string): LinkRow => ({
  sourceDocument: PEEL,
  sourceSection,
  targetDocument,
  targetSection,
  context: `zie ${targetSection}`,
})

/** In a fixed order: SQLite returns rows in its index order. */
const sorted = (links: readonly LinkRow[]): LinkRow[] =>
  [...links].sort((a, b) =>
    `${a.sourceSection}${a.targetDocument}`.localeCompare(`${b.sourceSection}${b.targetDocument}`),
  )

describe('link store', () => {
  it('answers from what was last written, also after reads were kept in memory', () => {
    const wonen = link('wonen', BRABANT, 'woningbouw')
    const water = link('water', BRABANT, 'water')
    store.replace(PEEL, ['wonen', 'water'], [wonen, water])
    expect(sorted(store.from(PEEL))).toEqual(sorted([wonen, water]))
    expect(store.linkingTo(BRABANT, ['woningbouw'])).toEqual([wonen])
    expect(store.to(LIMBURG)).toEqual([])

    // The section "wonen" now links to Limburg instead: both targets' incoming links change.
    const moved = link('wonen', LIMBURG, 'woningbouw')
    store.replace(PEEL, ['wonen'], [moved])
    expect(sorted(store.from(PEEL))).toEqual(sorted([water, moved]))
    expect(store.linkingTo(BRABANT, ['woningbouw', 'water'])).toEqual([water])
    expect(store.linkingTo(LIMBURG, ['woningbouw'])).toEqual([moved])
    expect(store.to(LIMBURG)).toEqual([moved])
  })

  it('hands out copies: a caller changing its list does not change the next answer', () => {
    const wonen = link('wonen', BRABANT, 'woningbouw')
    store.replace(PEEL, ['wonen'], [wonen])
    store.from(PEEL).pop()
    store.to(BRABANT).pop()
    expect(store.from(PEEL)).toEqual([wonen])
    expect(store.to(BRABANT)).toEqual([wonen])
  })
})
