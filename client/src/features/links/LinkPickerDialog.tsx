// "Koppelen aan ruimtelijk voorstel": a modal dialog that searches the sections one may link to (by
// title and text, as the person types) and lists them grouped per document. The search field is a
// combobox over the list: arrow keys move through the options, Enter chooses, Escape closes. Native
// <dialog> with showModal: the page behind is inert, so the focus stays in the dialog.
import { Button } from '@rijkshuisstijl-community/components-react'
import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { fetchLinkTargets, type LinkTarget } from '../../api/links.ts'
import { LabelledField } from '../../ui/LabelledField.tsx'
import { ModalDialog } from '../../ui/ModalDialog.tsx'
import { apiError, failedAnswerOf, ownWords, wordsAttributes } from '../signoff/apiError.ts'
import { groupTargets } from './groupTargets.ts'
import { sectionLabel } from './linkText.ts'

export interface LinkPickerDialogProps {
  readonly documentId: string
  readonly title: string
  readonly onChoose: (target: LinkTarget) => void
  readonly onClose: () => void
}

type Results =
  | { readonly state: 'loading'; readonly previous: readonly LinkTarget[] }
  | { readonly state: 'ready'; readonly targets: readonly LinkTarget[]; readonly query: string }
  | { readonly state: 'failed'; readonly error: unknown }

/** Search after the person stops typing for this long. */
const SEARCH_DELAY_MS = 250

export function LinkPickerDialog({ documentId, title, onChoose, onClose }: LinkPickerDialogProps) {
  const { t } = useTranslation('links')
  const dialogRef = useRef<HTMLDialogElement>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const listRef = useRef<HTMLDivElement>(null)
  const [query, setQuery] = useState('')
  const [results, setResults] = useState<Results>({ state: 'loading', previous: [] })
  const [active, setActive] = useState(0)
  const titleId = useId()
  const listId = useId()
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const controller = new AbortController()
    setResults((current) => ({
      state: 'loading',
      previous: current.state === 'ready' ? current.targets : current.state === 'loading' ? current.previous : [],
    }))
    const timer = setTimeout(
      () => {
        const asked = query.trim()
        fetchLinkTargets(documentId, asked, controller.signal).then(
          (targets) => {
            setResults({ state: 'ready', targets, query: asked })
            setActive(0)
          },
          (failure: unknown) => {
            if (controller.signal.aborted) return
            setResults({ state: 'failed', error: failure })
          },
        )
      },
      query === '' ? 0 : SEARCH_DELAY_MS,
    )
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [documentId, query])

  const targets = results.state === 'ready' ? results.targets : results.state === 'loading' ? results.previous : []
  const groups = useMemo(() => groupTargets(targets, documentId), [targets, documentId])
  const optionId = (index: number): string => `${listId}-option-${index}`
  const activeTarget = targets.length > 0 ? groups.flatMap((g) => g.options).find((o) => o.index === active) : undefined

  // Keep the active option in view while the arrow keys walk the list.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs after the active option or the list changed.
  useEffect(() => {
    const element = listRef.current?.querySelector<HTMLElement>('[aria-selected="true"]')
    element?.scrollIntoView({ block: 'nearest' })
  }, [active, groups])

  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    const count = targets.length
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (count === 0) return
      setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : count - 1)) % count)
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault()
      setActive(0)
    } else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault()
      setActive(Math.max(0, count - 1))
    } else if (event.key === 'Enter') {
      event.preventDefault()
      if (activeTarget !== undefined) onChoose(activeTarget.target)
    }
  }

  const failedAnswer = results.state === 'failed' ? failedAnswerOf(results.error) : null
  const status =
    results.state === 'failed'
      ? failedAnswer === null
        ? ownWords(t('picker.failed'))
        : apiError(t, failedAnswer)
      : ownWords(
          results.state === 'loading'
            ? t('picker.searching')
            : targets.length === 0
              ? t('picker.none')
              : t('picker.found', { count: targets.length }),
        )

  return createPortal(
    <ModalDialog
      dialogRef={dialogRef}
      testId="link-picker"
      className="link-picker"
      labelledBy={titleId}
      initialFocus={searchRef}
      onClose={() => onCloseRef.current()}
      returnFocus={false}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      <LabelledField className="link-picker__field" label={t('picker.search')} hint={t('picker.hint')}>
        {({ id, 'aria-describedby': describedBy }) => (
          <input
            ref={searchRef}
            id={id}
            className="utrecht-textbox utrecht-textbox--html-input link-picker__search"
            data-testid="link-picker-search"
            type="search"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={targets.length > 0}
            aria-controls={listId}
            aria-activedescendant={activeTarget !== undefined ? optionId(activeTarget.index) : undefined}
            aria-describedby={describedBy}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={handleKeyDown}
          />
        )}
      </LabelledField>
      <p
        className={results.state === 'failed' ? 'form-error' : 'link-picker__status'}
        role="status"
        aria-live="polite"
        {...wordsAttributes(status)}
      >
        {status.text}
      </p>
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-label={t('picker.options')}
        aria-busy={results.state === 'loading'}
        // The search these options answer (tests wait for it; the list may still show the previous one).
        data-query={results.state === 'ready' ? results.query : undefined}
        className="link-picker__list"
      >
        {groups.map((group) => (
          // A group of options inside a listbox (ARIA listbox pattern): a <fieldset> is not allowed there.
          // biome-ignore lint/a11y/useSemanticElements: see above.
          <div key={group.documentId} role="group" aria-labelledby={`${listId}-${group.documentId}`}>
            <div role="presentation" id={`${listId}-${group.documentId}`} className="link-picker__group" translate="no">
              {group.documentTitle}
            </div>
            {group.options.map(({ target, index }) => (
              <div
                key={`${target.documentId}/${target.sectionId}`}
                id={optionId(index)}
                role="option"
                aria-selected={index === active}
                tabIndex={-1}
                className={`link-picker__option${index === active ? ' link-picker__option--active' : ''}`}
                data-testid="link-picker-option"
                data-document-id={target.documentId}
                data-section-id={target.sectionId}
                // Keep the focus in the search field: the keyboard stays where it was.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => setActive(index)}
                onClick={() => onChoose(target)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') onChoose(target)
                }}
              >
                <span className="link-picker__title" translate="no">
                  {sectionLabel(t, target.number, target.title)}
                </span>
                {target.snippet !== '' && (
                  <span className="link-picker__snippet" translate="no">
                    {target.snippet}
                  </span>
                )}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div className="dialog__buttons">
        <Button type="button" appearance="secondary-action-button" onClick={() => dialogRef.current?.close()}>
          {t('picker.cancel')}
        </Button>
      </div>
    </ModalDialog>,
    document.body,
  )
}
