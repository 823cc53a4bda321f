// Find and replace across the sections of a document: each section is its own editor, and the find
// bar treats them as one text, in page order. The matching, the highlighting and the replacement
// ranges are prosemirror-search's (SearchQuery); what is here is walking across editors, and the rule
// that text the user may not change (a locked section, a comment-only or read-only member) is found
// but never replaced. The server refuses such a change anyway; the bar does not send it.
import type { Node } from '@tiptap/pm/model'
import { type EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { getSearchState, SearchQuery, type SearchResult, setSearchState } from 'prosemirror-search'

/** One section editor as the search sees it. */
export interface SearchTarget {
  readonly state: () => EditorState
  readonly dispatch: (tr: Transaction) => void
  readonly mayChange: () => boolean
  /**
   * Brings the selected match into view, where the page shows it (not under the find bar); without
   * it, ProseMirror scrolls the selection into view.
   */
  readonly reveal?: () => void
}

/** A match: in the `target`-th editor (page order), from `from` to `to`. */
export interface DocumentMatch {
  readonly target: number
  readonly from: number
  readonly to: number
}

export interface SearchInput {
  readonly search: string
  readonly replace: string
  readonly caseSensitive: boolean
  readonly wholeWord: boolean
}

/** More than this many matches are not counted further (a search for "e" in 50,000 words). */
export const MAX_MATCHES = 5_000

/** The query for what the user typed: plain text, `\n` and `$1` meaning themselves. */
export function queryFor(input: SearchInput): SearchQuery {
  return new SearchQuery({
    search: input.search,
    replace: input.replace,
    caseSensitive: input.caseSensitive,
    wholeWord: input.wholeWord,
    literal: true,
  })
}

const NO_QUERY = new SearchQuery({ search: '' })

/** Sets the query in every editor, so that each highlights its matches; null clears the highlights. */
export function showQuery(targets: readonly SearchTarget[], query: SearchQuery | null): void {
  const shown = query ?? NO_QUERY
  for (const target of targets) {
    const state = target.state()
    const current = getSearchState(state)
    if (current && !current.query.eq(shown)) target.dispatch(setSearchState(state.tr, shown))
  }
}

function matchesIn(state: EditorState, query: SearchQuery, limit: number): SearchResult[] {
  const found: SearchResult[] = []
  if (!query.valid) return found
  for (let pos = 0; found.length < limit; ) {
    const next = query.findNext(state, pos)
    if (!next) break
    found.push(next)
    pos = Math.max(next.to, pos + 1)
  }
  return found
}

/**
 * The matches of a section's text, remembered per document node: ProseMirror never changes a node, so
 * while someone types in one section the others are not searched again. One per open find bar.
 */
export interface MatchCache {
  matchesIn(state: EditorState, query: SearchQuery, limit: number): readonly SearchResult[]
}

export function createMatchCache(): MatchCache {
  const found = new WeakMap<Node, { query: SearchQuery; limit: number; results: SearchResult[] }>()
  return {
    matchesIn(state, query, limit) {
      const known = found.get(state.doc)
      // Reusable for the same query when it was searched as far (or found everything there was).
      if (known?.query.eq(query) && (known.limit >= limit || known.results.length < known.limit))
        return known.results.slice(0, limit)
      const results = matchesIn(state, query, limit)
      found.set(state.doc, { query, limit, results })
      return results
    },
  }
}

/** Every match in page order, at most MAX_MATCHES; `cache` spares the sections that did not change. */
export function allMatches(
  targets: readonly SearchTarget[],
  query: SearchQuery,
  cache: MatchCache | null = null,
): DocumentMatch[] {
  const all: DocumentMatch[] = []
  targets.forEach((target, index) => {
    const limit = MAX_MATCHES - all.length
    const state = target.state()
    for (const m of cache ? cache.matchesIn(state, query, limit) : matchesIn(state, query, limit))
      all.push({ target: index, from: m.from, to: m.to })
  })
  return all
}

const before = (a: { target: number; from: number }, b: { target: number; from: number }): boolean =>
  a.target < b.target || (a.target === b.target && a.from < b.from)

/**
 * The match after (direction 1) or before (-1) `from`, wrapping around the document; the first or
 * last one when there is no `from`. `inclusive`: a match that starts at `from` counts as after it
 * (where a replacement ended).
 */
export function step(
  matches: readonly DocumentMatch[],
  from: { target: number; from: number } | null,
  direction: 1 | -1,
  inclusive = false,
): DocumentMatch | null {
  if (matches.length === 0) return null
  if (from === null) return (direction === 1 ? matches[0] : matches[matches.length - 1]) ?? null
  const after = (m: DocumentMatch): boolean =>
    before(from, m) || (inclusive && m.target === from.target && m.from === from.from)
  if (direction === 1) return matches.find(after) ?? matches[0] ?? null
  return [...matches].reverse().find((m) => before(m, from)) ?? matches[matches.length - 1] ?? null
}

/** Position of `match` in `matches` (0-based), or -1. */
export function indexOf(matches: readonly DocumentMatch[], match: DocumentMatch | null): number {
  if (match === null) return -1
  return matches.findIndex((m) => m.target === match.target && m.from === match.from && m.to === match.to)
}

/**
 * Selects `match` in its editor and scrolls it into view, so it is the active (highlighted) match;
 * the previous match, in another editor, is no longer selected there.
 */
export function select(targets: readonly SearchTarget[], match: DocumentMatch, previous: DocumentMatch | null): void {
  if (previous && previous.target !== match.target) {
    const old = targets[previous.target]
    const state = old?.state()
    if (old && state && state.selection.from === previous.from && state.selection.to === previous.to) {
      old.dispatch(state.tr.setSelection(TextSelection.create(state.doc, previous.to)))
    }
  }
  const target = targets[match.target]
  if (!target) return
  const state = target.state()
  const tr = state.tr.setSelection(TextSelection.create(state.doc, match.from, match.to))
  if (target.reveal) {
    target.dispatch(tr)
    target.reveal()
  } else target.dispatch(tr.scrollIntoView())
}

export type ReplaceOutcome =
  /** Replaced; the search goes on after `end` (the replacement's end). */
  | { readonly kind: 'replaced'; readonly end: { target: number; from: number } }
  /** The section may not be changed by this user: nothing sent. */
  | { readonly kind: 'not-allowed' }
  /** The text there changed meanwhile (someone else typed): nothing replaced. */
  | { readonly kind: 'gone' }

function replacing(state: EditorState, query: SearchQuery, results: readonly SearchResult[]): Transaction {
  const tr = state.tr
  for (const result of [...results].reverse()) {
    const parts = query.getReplacements(state, result)
    for (const { from, to, insert } of [...parts].reverse()) tr.replace(from, to, insert)
  }
  return tr
}

/** Replaces the one match, if it is still there and its section may be changed. */
export function replaceOne(targets: readonly SearchTarget[], match: DocumentMatch, query: SearchQuery): ReplaceOutcome {
  const target = targets[match.target]
  if (!target) return { kind: 'gone' }
  if (!target.mayChange()) return { kind: 'not-allowed' }
  const state = target.state()
  const result = query.findNext(state, match.from, match.to)
  if (!result || result.from !== match.from || result.to !== match.to) return { kind: 'gone' }
  const tr = replacing(state, query, [result])
  const end = tr.mapping.map(match.to)
  target.dispatch(tr)
  return { kind: 'replaced', end: { target: match.target, from: end } }
}

/** Replaces every match in the sections that may be changed; counts those left in the others. */
export function replaceEverywhere(
  targets: readonly SearchTarget[],
  query: SearchQuery,
): { readonly replaced: number; readonly skipped: number } {
  let replaced = 0
  let skipped = 0
  for (const target of targets) {
    const state = target.state()
    const results = matchesIn(state, query, Number.POSITIVE_INFINITY)
    if (results.length === 0) continue
    if (!target.mayChange()) {
      skipped += results.length
      continue
    }
    // One transaction per section, one undo step there; replaceAllHistory.ts undoes them all at once.
    target.dispatch(replacing(state, query, results))
    replaced += results.length
  }
  return { replaced, skipped }
}
