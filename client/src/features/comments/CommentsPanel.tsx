// The comments side panel: filters (status, organisation, ijkmoment, section) and the thread cards in
// document order — by section, then by where the anchor is in the text. While the document scrolls,
// the cards move to the height of their highlights (useAlignedCards); "Toon in de tekst" and clicking
// a highlight connect the two as well, and "Vorige / Volgende open reactie" steps through the open
// ones. A card asked to take the focus (a link to its thread, a thread just placed in read-only text,
// Ctrl+Alt+Shift+A in its text) is never hidden by the filter: the filter is reset then. The panel is
// `#reacties`, where the skip link "Naar de reacties" and Ctrl+Alt+Shift+A outside a comment's text
// put the focus on its heading (useCommentsPanelKeys).
import { type OrderedSection, ROUNDS, type Round, type ThreadStatus } from '@novex/shared'
import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { isRound } from '../../api/comments.ts'
import { CommentAnnouncer } from './CommentAnnouncer.tsx'
import { type CommentsContextValue, useCommentsContext } from './CommentsContext.ts'
import { CommentsScope } from './CommentsScope.tsx'
import { COMMENTS_PANEL_ID, COMMENTS_PANEL_SHORTCUT } from './commentsPanelFocus.ts'
import { FilterSelect } from './FilterSelect.tsx'
import type { SectionInfo } from './SectionName.tsx'
import { ThreadCard } from './ThreadCard.tsx'
import { ThreadSteps } from './ThreadSteps.tsx'
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
  const { t } = useTranslation('comments')
  // Checked by CommentsPanel.
  const context = useCommentsContext()
  const store = context?.store
  const subscribe = useCallback((listener: () => void) => store?.subscribe(listener) ?? (() => {}), [store])
  const snapshot = useSyncExternalStore(subscribe, () => store?.getSnapshot() ?? null)
  const [filter, setFilter] = useState<ThreadFilter>(ALL_THREADS)
  const headingId = useId()
  const panelRef = useRef<HTMLElement>(null)
  const listRef = useRef<HTMLUListElement>(null)
  useAlignedCards(panelRef, listRef, snapshot, filter)

  const focusRequest = snapshot?.focusRequest ?? 0
  // Only a new request resets the filter, not every change of the threads.
  useEffect(() => {
    const current = store?.getSnapshot()
    const thread = current?.threads.find((t) => t.id === current.activeThreadId)
    if (focusRequest === 0 || thread === undefined) return
    setFilter((shown) => (matchesFilter(thread, shown) ? shown : ALL_THREADS))
  }, [store, focusRequest])

  const sectionOrder = useMemo(() => new Map(sections.map((s, i) => [s.id as string, i])), [sections])
  // Titles are live Y.Texts: read them at every render, not once per section list.
  const infos = new Map<string, SectionInfo>(
    sections.map((s) => [s.id as string, { number: s.number, title: s.title.toString() }]),
  )
  const sectionOf = (id: string): SectionInfo | null => infos.get(id) ?? null
  /** The section as one plain string, for the live region and the filter's options. */
  const sectionText = (id: string): string => {
    const info = infos.get(id)
    if (info === undefined) return t('section.deleted')
    return t('section.option', { number: info.number, title: info.title || t('section.untitled') })
  }

  if (snapshot === null || context === null) return null
  const threads = snapshot.threads
  const shown = orderThreads(
    threads.filter((thread) => matchesFilter(thread, filter)),
    sectionOrder,
    snapshot.anchors,
  )
  const openCount = threads.filter((thread) => thread.status === 'open').length

  return (
    <section
      ref={panelRef}
      id={COMMENTS_PANEL_ID}
      className="panel comments-panel"
      data-testid="comments-panel"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="panel__title" tabIndex={-1} aria-keyshortcuts={COMMENTS_PANEL_SHORTCUT}>
        {t('panel.title')} <span className="comments-panel__count">{t('panel.openCount', { count: openCount })}</span>
      </h2>
      <p className="hint">
        <Trans t={t} i18nKey="panel.hint" components={{ kbd: <kbd /> }} />
      </p>
      <p className="hint">
        <Trans t={t} i18nKey="panel.keysHint" components={{ kbd: <kbd /> }} />
      </p>
      <fieldset className="comments-panel__filters">
        <legend className="visually-hidden">{t('panel.filters')}</legend>
        <FilterSelect
          label={t('filter.status')}
          testId="comment-filter-status"
          value={filter.status}
          onChange={(value) => setFilter({ ...filter, status: parseStatus(value) })}
        >
          <option value="all">{t('filter.all')}</option>
          <option value="open">{t('filter.open')}</option>
          <option value="resolved">{t('filter.resolved')}</option>
        </FilterSelect>
        <FilterSelect
          label={t('filter.organisation')}
          testId="comment-filter-organisation"
          value={filter.organisation}
          onChange={(value) => setFilter({ ...filter, organisation: value })}
        >
          <option value="all">{t('filter.all')}</option>
          {organisationsOf(threads).map((name) => (
            <option key={name} value={name} translate="no">
              {name}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={t('filter.round')}
          testId="comment-filter-round"
          value={String(filter.round)}
          onChange={(value) => setFilter({ ...filter, round: parseRound(value) })}
        >
          <option value="all">{t('filter.all')}</option>
          {ROUNDS.map((round) => (
            <option key={round} value={round}>
              {t('review:round', { round })}
            </option>
          ))}
          <option value="none">{t('filter.outsideRound')}</option>
        </FilterSelect>
        <FilterSelect
          label={t('filter.section')}
          testId="comment-filter-section"
          value={filter.section}
          onChange={(value) => setFilter({ ...filter, section: value })}
        >
          <option value="all">{t('filter.all')}</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {sectionText(s.id)}
            </option>
          ))}
        </FilterSelect>
        <label className="comments-panel__check">
          <input
            type="checkbox"
            data-testid="comment-filter-mentions"
            checked={filter.mentioning !== 'all'}
            onChange={(event) => setFilter({ ...filter, mentioning: event.target.checked ? context.me.id : 'all' })}
          />{' '}
          {t('filter.mentionsMe')}
        </label>
      </fieldset>
      <ThreadSteps store={context.store} shown={shown} activeThreadId={snapshot.activeThreadId} />
      <p className="visually-hidden" role="status">
        {shown.length === threads.length
          ? t('panel.total', { count: threads.length })
          : t('panel.visible', { count: threads.length, shown: shown.length })}
      </p>
      {shown.length === 0 ? (
        <p className="empty-state">{threads.length === 0 ? t('panel.empty') : t('panel.emptyFiltered')}</p>
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
                section={sectionOf(thread.sectionId)}
                active={snapshot.activeThreadId === thread.id}
                focusRequest={snapshot.focusRequest}
              />
            </li>
          ))}
        </ul>
      )}
      <CommentAnnouncer doc={context.store.doc} myId={context.me.id} sectionText={sectionText} isLive={isLive} />
    </section>
  )
}

const SECTION_GONE = { kind: 'deleted' } as const

function parseStatus(value: string): ThreadStatus | 'all' {
  return value === 'open' || value === 'resolved' ? value : 'all'
}

function parseRound(value: string): Round | 'none' | 'all' {
  if (value === 'none' || value === 'all') return value
  const round = Number(value)
  return isRound(round) ? round : 'all'
}
