// Ordering keys for sections, on the `lexorank` package. A rank is a branded string; document order is
// the sort by rank with the section id as tie-break, so concurrent moves that pick the same key still
// give every replica the same order.
import { LexoRank } from 'lexorank'

export type Rank = string & { readonly __brand: 'Rank' }

/** A rank strictly between `before` and `after`; either side may be open (null). */
export function rankBetween(before: Rank | null, after: Rank | null): Rank {
  if (before === null && after === null) return LexoRank.middle().toString() as Rank
  if (before === null && after !== null) return LexoRank.parse(after).genPrev().toString() as Rank
  if (before !== null && after === null) return LexoRank.parse(before).genNext().toString() as Rank
  const a = LexoRank.parse(before as string)
  const b = LexoRank.parse(after as string)
  if (a.compareTo(b) === 0) return a.toString() as Rank
  return (a.compareTo(b) < 0 ? a.between(b) : b.between(a)).toString() as Rank
}

/** `count` ascending ranks, evenly spaced, for seeding a new document. */
export function initialRanks(count: number): Rank[] {
  const ranks: Rank[] = []
  let previous: Rank | null = null
  for (let i = 0; i < count; i++) {
    previous = rankBetween(previous, null)
    ranks.push(previous)
  }
  return ranks
}

export function isRank(value: unknown): value is Rank {
  if (typeof value !== 'string' || value.length > 128) return false
  try {
    LexoRank.parse(value)
    return true
  } catch {
    // An unparsable key is simply not a rank; callers treat it as invalid input.
    return false
  }
}

/** Order by rank, then by id, so that equal ranks still sort the same everywhere. */
export function compareByRank(a: { rank: string; id: string }, b: { rank: string; id: string }): number {
  if (a.rank < b.rank) return -1
  if (a.rank > b.rank) return 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}
