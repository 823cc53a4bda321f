// The document's find bar (Ctrl+H, as in Word and Google Docs): finds in the text of every section, in
// page order, highlights all matches and the current one, and replaces one or all of them where the
// user may change the text. Enter goes to the next match, Shift+Enter to the previous one, Escape
// closes the bar and puts the caret on the current match (or back where it was). On a small screen
// (a phone, 200 % zoom) the bar keeps to the search field and its buttons, with replacing and the
// options behind a toggle (search.css), so that the text and its current match stay in view below it.
// The logic is documentSearch.ts; the editors come from the page's SectionEditorRegistry.
import { Button } from '@rijkshuisstijl-community/components-react'
import '../../styles/search.css'
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  allMatches,
  createMatchCache,
  type DocumentMatch,
  indexOf,
  MAX_MATCHES,
  queryFor,
  replaceEverywhere,
  replaceOne,
  type SearchTarget,
  select,
  showQuery,
  step,
} from './documentSearch.ts'
import { revealScrollDelta } from './revealMatch.ts'
import type { SectionEditorEntry, SectionEditorRegistry } from './sectionEditors.ts'

export interface FindReplaceBarProps {
  readonly editors: SectionEditorRegistry
  /** Whether the user may change text at all (edit right); without it the bar only finds. */
  readonly canReplace: boolean
  /** The text to look for when the bar opens (the selection), if any. */
  readonly initialSearch: string
  /** Asks the page to take the focus to the search field again (Ctrl+H while the bar is open). */
  readonly focusRequest: number
  readonly onClose: (focusEditor: SectionEditorEntry | null) => void
}

/**
 * The editor as a search target. Its current match is revealed below the (sticky) find bar, which
 * `bar` gives, when it is out of view or hidden under the bar.
 */
const targetOf = (entry: SectionEditorEntry, bar: () => Element | null): SearchTarget => ({
  state: () => entry.editor.state,
  dispatch: (tr) => entry.editor.view.dispatch(tr),
  mayChange: entry.mayChange,
  reveal: () => {
    const match = entry.editor.view.dom.querySelector('.ProseMirror-active-search-match')
    if (!match) return
    const delta = (): number => {
      const { top, bottom } = match.getBoundingClientRect()
      const barBox = bar()?.getBoundingClientRect()
      const [barTop, barBottom] = barBox ? [barBox.top, barBox.bottom] : [0, 0]
      return revealScrollDelta({
        matchTop: top,
        matchBottom: bottom,
        barTop,
        barBottom,
        windowHeight: window.innerHeight,
      })
    }
    if (delta() === 0) return
    // First into the view of what scrolls around it (a wide table scrolls sideways), then the window
    // so far that the match is below the bar: the browser's own scrolling does not know the bar.
    match.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    const more = delta()
    if (more !== 0) window.scrollBy(0, more)
  },
})

/** Re-renders when an editor comes or goes, or a section's text changes (someone types). */
function useEditorsVersion(editors: SectionEditorRegistry): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let frame = 0
    const bump = (): void => {
      if (frame === 0)
        frame = requestAnimationFrame(() => {
          frame = 0
          setVersion((v) => v + 1)
        })
    }
    let unsubscribeEditors: (() => void)[] = []
    const watch = (): void => {
      for (const off of unsubscribeEditors) off()
      unsubscribeEditors = editors.inOrder().map(({ editor }) => {
        editor.on('update', bump)
        return () => editor.off('update', bump)
      })
      bump()
    }
    const unsubscribe = editors.subscribe(watch)
    watch()
    return () => {
      unsubscribe()
      for (const off of unsubscribeEditors) off()
      cancelAnimationFrame(frame)
    }
  }, [editors])
  return version
}

export function FindReplaceBar({ editors, canReplace, initialSearch, focusRequest, onClose }: FindReplaceBarProps) {
  const { t } = useTranslation('search')
  const id = useId()
  const searchRef = useRef<HTMLInputElement>(null)
  const barRef = useRef<HTMLElement>(null)
  const [searchText, setSearchText] = useState(initialSearch)
  const [replaceText, setReplaceText] = useState('')
  const [caseSensitive, setCaseSensitive] = useState(false)
  const [wholeWord, setWholeWord] = useState(false)
  // On a small screen: replacing and the options shown (they fold away there; search.css).
  const [more, setMore] = useState(false)
  // The current match, by its editor rather than its place in the list: sections can move, come and go.
  const [chosen, setChosen] = useState<{ entry: SectionEditorEntry; from: number; to: number } | null>(null)
  // What the last replacement did, said until the search changes.
  const [outcome, setOutcome] = useState<string | null>(null)
  // "Ongedaan maken" is offered right after a replace-all (which Ctrl+Z in a section also undoes).
  const [undoable, setUndoable] = useState(false)
  const version = useEditorsVersion(editors)

  const query = useMemo(
    () => queryFor({ search: searchText, replace: replaceText, caseSensitive, wholeWord }),
    [searchText, replaceText, caseSensitive, wholeWord],
  )
  const entries = useMemo(() => {
    void version // the editors' list and their texts as of this render
    return editors.inOrder()
  }, [editors, version])
  // Where the current match is now: the editor's selection, which ProseMirror maps through what others
  // type before it (the bar selected the match there), unless that selection was collapsed meanwhile.
  const current = useMemo<DocumentMatch | null>(() => {
    const target = chosen ? entries.indexOf(chosen.entry) : -1
    if (!chosen || target < 0) return null
    const { selection } = chosen.entry.editor.state
    return selection.empty
      ? { target, from: chosen.from, to: chosen.to }
      : { target, from: selection.from, to: selection.to }
  }, [chosen, entries])
  const targets = useMemo(() => entries.map((entry) => targetOf(entry, () => barRef.current)), [entries])
  const cache = useMemo(createMatchCache, [])
  const matches = useMemo(() => {
    void version
    return query.valid ? allMatches(targets, query, cache) : []
  }, [targets, query, version, cache])

  // Every editor highlights the query's matches while the bar is open, and none after it closed.
  useEffect(() => showQuery(targets, query), [targets, query])
  useEffect(
    () => () =>
      showQuery(
        editors.inOrder().map((entry) => targetOf(entry, () => null)),
        null,
      ),
    [editors],
  )

  // A new search starts over: no current match, no old outcome.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on each change of what is searched
  useEffect(() => {
    setChosen(null)
    setOutcome(null)
    setUndoable(false)
  }, [searchText, caseSensitive, wholeWord])

  useEffect(() => {
    void focusRequest
    searchRef.current?.focus()
    searchRef.current?.select()
  }, [focusRequest])

  const go = useCallback(
    (match: DocumentMatch | null): void => {
      const entry = match ? entries[match.target] : undefined
      if (!match || !entry) {
        setChosen(null)
        return
      }
      select(targets, match, current)
      setChosen({ entry, from: match.from, to: match.to })
    },
    [entries, targets, current],
  )
  const move = (direction: 1 | -1): void => {
    setOutcome(null)
    go(step(matches, current, direction))
  }
  const replaceCurrent = (): void => {
    const index = indexOf(matches, current)
    const match = index >= 0 ? matches[index] : step(matches, null, 1)
    if (!match) return
    if (index < 0) {
      // Nothing chosen yet: the first Replace shows what it would replace, as in Word.
      go(match)
      return
    }
    setUndoable(false)
    const result = replaceOne(targets, match, query)
    if (result.kind === 'replaced') {
      setOutcome(t('status.replaced', { count: 1 }))
      go(step(allMatches(targets, query, cache), result.end, 1, true))
    } else setOutcome(t(`status.${result.kind === 'not-allowed' ? 'notAllowed' : 'gone'}`))
  }
  const replaceEverything = (): void => {
    let result = { replaced: 0, skipped: 0 }
    editors.replaceAll.record(entries, () => {
      result = replaceEverywhere(targets, query)
    })
    const { replaced, skipped } = result
    setChosen(null)
    setUndoable(replaced > 0)
    const parts = [t('status.replaced', { count: replaced })]
    if (skipped > 0) parts.push(t('status.skipped', { count: skipped }))
    setOutcome(parts.join(' '))
  }
  const undoReplaceAll = (): void => {
    // The button goes away: the focus stays in the bar, in the search field.
    setUndoable(false)
    searchRef.current?.focus()
    const result = editors.replaceAll.apply('undo')
    if (result === null || result.sections === 0) {
      setOutcome(t('status.nothingToUndo'))
      return
    }
    const parts = [t('status.undone', { count: result.sections })]
    if (result.left > 0) parts.push(t('status.undoLeft', { count: result.left }))
    setOutcome(parts.join(' '))
  }

  const position = indexOf(matches, current)
  const full = matches.length >= MAX_MATCHES
  let status = ''
  if (outcome !== null) status = outcome
  else if (searchText !== '' && matches.length === 0) status = t('status.notFound')
  else if (position >= 0)
    status = t(full ? 'status.positionOfMany' : 'status.position', { index: position + 1, count: matches.length })
  else if (matches.length > 0)
    status = full ? t('status.many', { count: MAX_MATCHES }) : t('status.count', { count: matches.length })

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose(chosen?.entry ?? null)
      return
    }
    if (event.key !== 'Enter' || !(event.target instanceof HTMLInputElement) || event.target.type !== 'text') return
    event.preventDefault()
    if (event.target.dataset.role === 'replace') replaceCurrent()
    else move(event.shiftKey ? -1 : 1)
  }

  const noMatches = matches.length === 0
  return (
    // The search landmark; its keys (Enter, Escape) are those of the fields inside.
    <search
      ref={barRef}
      className={more ? 'find-bar find-bar--more' : 'find-bar'}
      aria-label={t('region')}
      data-testid="find-bar"
      onKeyDown={onKeyDown}
    >
      <div className="find-bar__fields">
        <label className="find-bar__field find-bar__field--find" htmlFor={`${id}-find`}>
          <span className="find-bar__label">{t('find')}</span>
          <input
            id={`${id}-find`}
            ref={searchRef}
            type="text"
            className="utrecht-textbox utrecht-textbox--html-input"
            data-testid="find-input"
            aria-describedby={`${id}-status ${id}-hint`}
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
          />
        </label>
        {/* Shown on a small screen only; what it shows follows it, in the page and in the tab order. */}
        <Button
          type="button"
          appearance="secondary-action-button"
          className="find-bar__more-toggle"
          data-testid="find-more"
          aria-expanded={more}
          onClick={() => setMore(!more)}
        >
          {t(canReplace ? 'more.replace' : 'more.options')}
        </Button>
        {canReplace && (
          <label className="find-bar__field find-bar__more" htmlFor={`${id}-replace`}>
            <span className="find-bar__label">{t('replaceWith')}</span>
            <input
              id={`${id}-replace`}
              type="text"
              data-role="replace"
              className="utrecht-textbox utrecht-textbox--html-input"
              data-testid="replace-input"
              value={replaceText}
              onChange={(e) => setReplaceText(e.target.value)}
            />
          </label>
        )}
        <label className="find-bar__option find-bar__more">
          <input type="checkbox" checked={caseSensitive} onChange={(e) => setCaseSensitive(e.target.checked)} />
          {t('caseSensitive')}
        </label>
        <label className="find-bar__option find-bar__more">
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} />
          {t('wholeWord')}
        </label>
      </div>
      <div className="find-bar__actions">
        <Button type="button" appearance="secondary-action-button" disabled={noMatches} onClick={() => move(-1)}>
          {t('previous')}
        </Button>
        <Button type="button" appearance="secondary-action-button" disabled={noMatches} onClick={() => move(1)}>
          {t('next')}
        </Button>
        {canReplace && (
          <>
            <Button
              type="button"
              appearance="secondary-action-button"
              className="find-bar__more"
              data-testid="replace-one"
              disabled={noMatches}
              onClick={replaceCurrent}
            >
              {t('replace')}
            </Button>
            <Button
              type="button"
              appearance="secondary-action-button"
              className="find-bar__more"
              data-testid="replace-all"
              disabled={noMatches}
              onClick={replaceEverything}
            >
              {t('replaceAll')}
            </Button>
            {undoable && (
              <Button
                type="button"
                appearance="secondary-action-button"
                className="find-bar__more"
                data-testid="undo-replace-all"
                onClick={undoReplaceAll}
              >
                {t('undoReplaceAll')}
              </Button>
            )}
          </>
        )}
        <Button
          type="button"
          appearance="subtle-button"
          data-testid="find-close"
          onClick={() => onClose(chosen?.entry ?? null)}
        >
          {t('close')}
        </Button>
      </div>
      <p className="find-bar__status" id={`${id}-status`} role="status" data-testid="find-status">
        {status}
      </p>
      <p className="hint find-bar__hint find-bar__more" id={`${id}-hint`}>
        {t('hint')}
      </p>
    </search>
  )
}
