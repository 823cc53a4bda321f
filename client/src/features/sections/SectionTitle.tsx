// A section's title: a one-line text field bound to the section's Y.Text, edited by several people at
// once. It is a textarea so that a long title wraps and can be read whole (an <input> cut it off with
// "…"); Enter never makes a second line: it continues in the section's text. Read-only (locked, or a
// member who may not edit), it still takes the focus, and an attempt to change it is answered in words
// under it, as the section's text does (`readonly-hint`), instead of nothing happening.
import type { OrderedSection } from '@novex/shared'
import { type KeyboardEvent, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bindTitleInput } from '../../collab/titleBinding.ts'
import { readOnlyTitleKey } from './readOnlyWords.ts'
import { useSectionsContext } from './SectionsContext.ts'

export interface SectionTitleProps {
  readonly section: OrderedSection
  readonly inputId: string
  /** Signed by both parties: the title is read-only until the section is reopened. */
  readonly locked?: boolean
}

export function SectionTitle({ section, inputId, locked = false }: SectionTitleProps) {
  const { t } = useTranslation('sections')
  const { editable, readOnlyWhy, takeTitleFocus } = useSectionsContext()
  const ref = useRef<HTMLTextAreaElement>(null)
  const { title, id } = section
  const readOnly = !editable || locked
  // Said once someone tries to change the read-only title, until the field loses the focus.
  const [refused, setRefused] = useState(false)
  const hintId = `${inputId}-readonly`

  useEffect(() => {
    const input = ref.current
    if (input === null) return
    return bindTitleInput(input, title, () => fitHeight(input))
  }, [title])

  useEffect(() => {
    if (!takeTitleFocus(id)) return
    ref.current?.focus()
    ref.current?.select()
  }, [takeTitleFocus, id])

  // Enter continues in the section's text, as it would after a heading in a word processor; with a
  // modifier it does nothing (a title is one line).
  const handleKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (readOnly && changesText(event)) setRefused(true)
    if (event.key !== 'Enter') return
    event.preventDefault()
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    const editor = event.currentTarget.closest('[data-testid="section"]')?.querySelector<HTMLElement>('.ProseMirror')
    editor?.focus()
  }

  return (
    <>
      <textarea
        ref={ref}
        id={inputId}
        data-testid="section-title"
        className="section-title"
        rows={1}
        lang="nl"
        autoComplete="off"
        aria-label={t('section.titleLabel', { number: section.number })}
        readOnly={readOnly}
        aria-describedby={readOnly && refused ? hintId : undefined}
        onKeyDown={handleKeyDown}
        onPaste={() => readOnly && setRefused(true)}
        onCut={() => readOnly && setRefused(true)}
        onDrop={() => readOnly && setRefused(true)}
        onBlur={() => setRefused(false)}
      />
      {/* A live region that exists before it speaks: why typing in the title does nothing. */}
      <p id={hintId} className="hint section-readonly-hint" role="status" data-testid="title-readonly-hint">
        {readOnly && refused ? t(readOnlyTitleKey(locked, readOnlyWhy)) : ''}
      </p>
      {/* On paper a form field may be cut off: print styles show this heading instead.
          A title edit re-renders the section list (useOrderedSections), so it is current. */}
      <span className="section-title__print" translate="no" aria-hidden="true">
        {section.number} {title.toString()}
      </span>
    </>
  )
}

/** A key that would change the text of an editable field: a character, or a deletion. */
function changesText(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false
  return event.key.length === 1 || event.key === 'Backspace' || event.key === 'Delete'
}

/**
 * Where the browser cannot size a field to its content (`field-sizing: content`, document.css), the
 * title's height follows its lines here, on every change of its value.
 */
function fitHeight(field: HTMLTextAreaElement): void {
  if (typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content')) return
  field.style.height = 'auto'
  field.style.height = `${field.scrollHeight}px`
}
