// The comments side panel: filters (status, organisation, ijkmoment, section) and the thread cards in
// document order — by section, then by where the anchor is in the text. While the document scrolls,
// the cards move to the height of their highlights (useAlignedCards); "Toon in de tekst" and clicking
// a highlight connect the two as well.
import { type OrderedSection, ROUNDS, type Round, roundName, type ThreadStatus } from '@novex/shared'
import { useCallback, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { isRound } from '../../api/comments.ts'
import { CommentAnnouncer } from './CommentAnnouncer.tsx'
import { type CommentsContextValue, useCommentsContext } from './CommentsContext.ts'
import { CommentsScope } from './CommentsScope.tsx'
import { ThreadCard } from './ThreadCard.tsx'
import { ALL_THREADS, matchesFilter, orderThreads, organisationsOf, type ThreadFilter } from './threadFilter.ts'
import { useAlignedCards } from './useAlignedCards.ts'

export interface CommentsPanelProps {
  readonly comments: CommentsContextValue | null
  readonly sections: readonly OrderedSection[]
  readonly isLive: () => boolean
}

export function CommentsPanel({ comments, sections, isLive }: CommentsPanelProps) {
  if (comments === null) return null
  return (
    <CommentsScope value={comments}>
      <CommentsPanelBody sections={sections} isLive={isLive} />
    </CommentsScope>
  )
}

function CommentsPanelBody({ sections, isLive }: Omit<CommentsPanelProps, 'comments'>) {
  // Checked by CommentsPanel.
  const context = useCommentsContext()
  const store = context?.store
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store])
  const snapshot = useSyncExternalStore(subscribe, () => store?.getSnapshot() ?? null)
  const [filter, setFilter] = useState<ThreadFilter>(ALL_THREADS)
  const headingId = useId()
  const ids = { status: useId(), organisation: useId(), round: useId(), section: useId() }
  const panelRef = useRef<HTMLElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  useAlignedCards(panelRef, listRef, snapshot, filter)

  const sectionOrder = useMemo(() => new Map(sections.map((s, i) => [s.id as string, i])), [sections])
  // Titles are live Y.Texts: read them at every render, not once per section list.
  const labels = new Map(sections.map((s) => [s.id as string, `§ ${s.number} ${s.title.toString() || 'Zonder titel'}`]))
  const sectionLabel = (id: string): string => labels.get(id) ?? 'Verwijderde sectie'

  if (snapshot === null || context === null) return null
  const threads = snapshot.threads
  const shown = orderThreads(
    threads.filter((t) => matchesFilter(t, filter)),
    sectionOrder,
    snapshot.anchors,
  )
  const openCount = threads.filter((t) => t.status === 'open').length

  return (
    <section ref={panelRef} className="panel comments-panel" data-testid="comments-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel__title">
        Reacties <span className="comments-panel__count">({openCount} open)</span>
      </h2>
      <p className="hint">
        Selecteer tekst en kies “Reactie plaatsen” of druk op <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>M</kbd>.
      </p>
      <fieldset className="comments-panel__filters">
        <legend className="visually-hidden">Reacties filteren</legend>
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          data-testid="comment-filter-status"
          value={filter.status}
          onChange={(e) => setFilter({ ...filter, status: e.target.value as ThreadStatus | 'all' })}
        >
          <option value="all">Alle</option>
          <option value="open">Open</option>
          <option value="resolved">Opgelost</option>
        </select>
        <label htmlFor={ids.organisation}>Organisatie</label>
        <select
          id={ids.organisation}
          data-testid="comment-filter-organisation"
          value={filter.organisation}
          onChange={(e) => setFilter({ ...filter, organisation: e.target.value })}
        >
          <option value="all">Alle</option>
          {organisationsOf(threads).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.round}>IJkmoment</label>
        <select
          id={ids.round}
          data-testid="comment-filter-round"
          value={String(filter.round)}
          onChange={(e) => setFilter({ ...filter, round: parseRound(e.target.value) })}
        >
          <option value="all">Alle</option>
          {ROUNDS.map((round) => (
            <option key={round} value={round}>
              {roundName(round)}
            </option>
          ))}
          <option value="none">Buiten ijkmoment</option>
        </select>
        <label htmlFor={ids.section}>Sectie</label>
        <select
          id={ids.section}
          data-testid="comment-filter-section"
          value={filter.section}
          onChange={(e) => setFilter({ ...filter, section: e.target.value })}
        >
          <option value="all">Alle</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {labels.get(s.id)}
            </option>
          ))}
        </select>
      </fieldset>
      <p className="visually-hidden" role="status">
        {shown.length === threads.length
          ? `${threads.length} reacties`
          : `${shown.length} van ${threads.length} reacties zichtbaar`}
      </p>
      {shown.length === 0 ? (
        <p className="empty-state">{threads.length === 0 ? 'Nog geen reacties.' : 'Geen reacties met dit filter.'}</p>
      ) : (
        <ul ref={listRef} className="comments-panel__list">
          {shown.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                thread={thread}
                place={
                  // A thread whose whole section was deleted has no editor to resolve it: its text is gone too.
                  snapshot.anchors.get(thread.id) ?? (sectionOrder.has(thread.sectionId) ? undefined : SECTION_GONE)
                }
                sectionLabel={sectionLabel(thread.sectionId)}
                active={snapshot.activeThreadId === thread.id}
                focusRequest={snapshot.focusRequest}
              />
            </li>
          ))}
        </ul>
      )}
      <CommentAnnouncer threads={threads} myId={context.me.id} sectionLabel={sectionLabel} isLive={isLive} />
    </section>
  )
}

const SECTION_GONE = { kind: 'deleted' } as const

function parseRound(value: string): Round | 'none' | 'all' {
  if (value === 'none' || value === 'all') return value
  const round = Number(value)
  return isRound(round) ? round : 'all'
}
