import { describe, expect, it } from 'vitest'
import { compareByRank, initialRanks, isRank, type Rank, rankBetween } from './rank.ts'

describe('rankBetween', () => {
  it('gives a key strictly between two neighbours', () => {
    const [a, b] = initialRanks(2) as [Rank, Rank]
    const mid = rankBetween(a, b)
    expect(a < mid && mid < b).toBe(true)
  })

  it('opens at either end', () => {
    const [a] = initialRanks(1) as [Rank]
    expect(rankBetween(null, a) < a).toBe(true)
    expect(rankBetween(a, null) > a).toBe(true)
  })

  it('accepts neighbours in either order', () => {
    const [a, b] = initialRanks(2) as [Rank, Rank]
    expect(rankBetween(b, a)).toBe(rankBetween(a, b))
  })

  it('keeps finding room after many insertions into the same gap', () => {
    let [low, high] = initialRanks(2) as [Rank, Rank]
    for (let i = 0; i < 200; i++) {
      const mid = rankBetween(low, high)
      expect(low < mid && mid < high).toBe(true)
      if (i % 2 === 0) low = mid
      else high = mid
    }
  })

  it('seeds ascending, valid ranks', () => {
    const ranks = initialRanks(10)
    expect([...ranks].sort()).toEqual(ranks)
    expect(new Set(ranks).size).toBe(10)
    expect(ranks.every(isRank)).toBe(true)
  })
})

describe('compareByRank', () => {
  it('breaks rank ties by id so every replica sorts the same', () => {
    const items = [
      { rank: '0|i00000:', id: 'b' },
      { rank: '0|i00000:', id: 'a' },
      { rank: '0|h00000:', id: 'z' },
    ]
    expect([...items].sort(compareByRank).map((i) => i.id)).toEqual(['z', 'a', 'b'])
    expect(
      [...items]
        .reverse()
        .sort(compareByRank)
        .map((i) => i.id),
    ).toEqual(['z', 'a', 'b'])
  })

  it('rejects strings that are not ranks', () => {
    expect(isRank('not a rank')).toBe(false)
    expect(isRank(42)).toBe(false)
  })
})
