import type { StatusDecision } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { inlineText } from './contentBlocks.ts'
import { decisionBlocks, decisionLine } from './decisionBlocks.ts'
import { DECISION_LINES, DECISIONS } from './testing/sampleDecisions.ts'
import { sampleDossier } from './testing/sampleDossier.ts'

describe('Besluitvorming', () => {
  it('lists every decision in order, one plain Dutch line each, under its heading', () => {
    const [heading, intro, list, ...rest] = decisionBlocks(sampleDossier())
    expect(heading).toMatchObject({ kind: 'heading', level: 1, inlines: [{ text: 'Besluitvorming' }] })
    expect(intro?.kind).toBe('paragraph')
    expect(rest).toEqual([])
    if (list?.kind !== 'list') throw new Error('a list of decisions')
    expect(list.ordered).toBe(true)
    const lines = list.items.map((item) => item.map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : b.kind)))
    expect(lines).toEqual(DECISION_LINES.map((line) => [line]))
  })

  it('is left out without decisions, and for a ruimtelijk voorstel', () => {
    const base = sampleDossier()
    expect(decisionBlocks({ ...base, status: null })).toEqual([])
    expect(decisionBlocks({ ...base, status: { status: 'ijkmoment-2', title: 'IJkmoment 2', decisions: [] } })).toEqual(
      [],
    )
  })

  it('reads without a side, a day or a note should the record lack them', () => {
    const [, , , consent] = DECISIONS
    if (!consent) throw new Error('sample has a consent')
    const bare: StatusDecision = { ...consent, by: { ...consent.by, side: null }, date: null, note: ' ' }
    expect(decisionLine(bare)).toBe('Instemming op 02-10-2026, vastgelegd door Anne de Vries (Ministerie van LVVN).')
    expect(decisionLine({ ...bare, kind: 'adopted' })).toBe(
      'Vastgesteld op 02-10-2026, vastgelegd door Anne de Vries (Ministerie van LVVN).',
    )
  })
})
