// A section's title: a one-line text field bound to the section's Y.Text, edited by several people at
// once. It is a textarea so that a long title wraps and can be read whole (an <input> cut it off with
// "…"); Enter never makes a second line: it continues in the section's text.
import type { OrderedSection } from '@novex/shared'
import { type KeyboardEvent, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { bindTitleInput } from '../../collab/titleBinding.ts'
import { useSectionsContext } from './SectionsContext.ts'

export interface SectionTitleProps {
  readonly section: OrderedSection
  readonly inputId: string
  /** Signed by both parties: the title is read-only until the section is reopened. */
  readonly locked?: boolean
}

export function SectionTitle({ section, inputId, locked = false }: SectionTitleProps) {
  const { t } = useTranslation('sections')
  const { editable, takeTitleFocus } = useSectionsContext()
  const ref = useRef<HTMLTextAreaElement>(null)
  const { title, id } = section

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
        readOnly={!editable || locked}
        onKeyDown={handleKeyDown}
      />
      {/* On paper a form field may be cut off: print styles show this heading instead.
          A title edit re-renders the section list (useOrderedSections), so it is current. */}
      <span className="section-title__print" translate="no" aria-hidden="true">
        {section.number} {title.toString()}
      </span>
    </>
  )
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
