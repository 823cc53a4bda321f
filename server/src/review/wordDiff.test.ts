// The differences a reviewer reads: exact (both versions can be spelled from the parts), word by word
// where it matters, and still exact when the time budget for detail is spent.
import type { DiffPart } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { diffBudget, wordDiff } from './wordDiff.ts'

const spelledBefore = (parts: readonly DiffPart[]): string =>
  parts
    .filter((p) => !p.added)
    .map((p) => p.value)
    .join('')
const spelledAfter = (parts: readonly DiffPart[]): string =>
  parts
    .filter((p) => !p.removed)
    .map((p) => p.value)
    .join('')

const VOCABULARY = 'de peel landbouw natuur water woningbouw energie stikstof grondwater gebied'.split(' ')
/** `count` paragraphs of 60 words; `seed` varies the words. */
function section(count: number, seed: number): string {
  let x = seed
  return Array.from({ length: count }, () =>
    Array.from({ length: 60 }, () => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
      return VOCABULARY[x % VOCABULARY.length]
    }).join(' '),
  ).join('\n')
}

describe('wordDiff', () => {
  it('marks the changed words only, with the unchanged text between them', () => {
    const parts = wordDiff(
      'De Peel wordt natter.\nHet water stijgt.',
      'De Peel wordt veel natter.\nHet water stijgt.',
      diffBudget(),
    )
    expect(parts).toEqual([
      { value: 'De Peel wordt ' },
      { value: 'veel ', added: true },
      { value: 'natter.\nHet water stijgt.' },
    ])
  })

  it('compares a paragraph edited in place with its own new text, in every paragraph', () => {
    const before = section(100, 1)
    const after = before.replace(/\bwater\b/g, 'waterberging')
    const parts = wordDiff(before, after, diffBudget())
    expect(spelledBefore(parts)).toBe(before)
    expect(spelledAfter(parts)).toBe(after)
    const removedWords = parts.filter((p) => p.removed).flatMap((p) => p.value.split(/\s+/).filter(Boolean))
    expect(new Set(removedWords)).toEqual(new Set(['water']))
  })

  it('handles inserted and deleted paragraphs', () => {
    const parts = wordDiff('Eén.\nTwee.\nDrie.', 'Eén.\nAnderhalf.\nTwee.', diffBudget())
    expect(parts.filter((p) => p.added).map((p) => p.value)).toEqual(['Anderhalf.\n'])
    expect(spelledBefore(parts)).toBe('Eén.\nTwee.\nDrie.')
    expect(spelledAfter(parts)).toBe('Eén.\nAnderhalf.\nTwee.')
  })

  it('shows changed paragraphs whole, and still exactly, once the budget is spent', () => {
    const before = section(100, 1)
    const after = section(100, 2)
    const parts = wordDiff(before, after, { deadline: performance.now() - 1 })
    expect(spelledBefore(parts)).toBe(before)
    expect(spelledAfter(parts)).toBe(after)
    // Paragraph for paragraph: the old one removed, then the new one added.
    expect(parts).toHaveLength(200)
    expect(parts.every((p, i) => (i % 2 === 0 ? p.removed : p.added))).toBe(true)
  })

  it('stays exact for a rewritten section within a small budget', () => {
    const before = section(100, 1)
    const after = section(90, 3)
    const parts = wordDiff(before, after, diffBudget(20))
    expect(spelledBefore(parts)).toBe(before)
    expect(spelledAfter(parts)).toBe(after)
  })

  it('spells both versions exactly for any edit of paragraphs, words and line breaks', () => {
    let x = 7
    const next = (n: number): number => {
      x = (x * 1_103_515_245 + 12_345) % 2_147_483_648
      return x % n
    }
    const pieces = ['De Peel', 'water', ' ', '\n', '\n\n', 'stikstof.', 'Eén', '']
    const text = (): string => Array.from({ length: next(12) }, () => pieces[next(pieces.length)]).join('')
    for (let round = 0; round < 500; round += 1) {
      const before = text()
      const after = next(3) === 0 ? before : text()
      const parts = wordDiff(before, after, diffBudget())
      expect(spelledBefore(parts), JSON.stringify({ before, after })).toBe(before)
      expect(spelledAfter(parts), JSON.stringify({ before, after })).toBe(after)
      expect(parts.every((p) => p.value !== '')).toBe(true)
    }
  })

  it('compares with empty text', () => {
    expect(wordDiff('', 'Nieuw.', diffBudget())).toEqual([{ value: 'Nieuw.', added: true }])
    expect(wordDiff('Weg.', '', diffBudget())).toEqual([{ value: 'Weg.', removed: true }])
    expect(wordDiff('', '', diffBudget())).toEqual([])
  })
})
