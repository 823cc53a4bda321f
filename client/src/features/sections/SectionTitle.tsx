// A section's title: a plain input bound to the section's Y.Text, edited by several people at once.
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
  const ref = useRef<HTMLInputElement>(null)
  const { title, id } = section

  useEffect(() => {
    const input = ref.current
    if (input === null) return
    return bindTitleInput(input, title)
  }, [title])

  useEffect(() => {
    if (!takeTitleFocus(id)) return
    ref.current?.focus()
    ref.current?.select()
  }, [takeTitleFocus, id])

  // Enter continues in the section's text, as it would after a heading in a word processor.
  const handleKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    event.preventDefault()
    const editor = event.currentTarget.closest('[data-testid="section"]')?.querySelector<HTMLElement>('.ProseMirror')
    editor?.focus()
  }

  return (
    <>
      <input
        ref={ref}
        id={inputId}
        data-testid="section-title"
        className="section-title"
        type="text"
        lang="nl"
        autoComplete="off"
        aria-label={t('section.titleLabel', { number: section.number })}
        readOnly={!editable || locked}
        onKeyDown={handleKeyDown}
      />
      {/* On paper an input shows one line of its value, cut off: print styles show this heading instead.
          A title edit re-renders the section list (useOrderedSections), so it is current. */}
      <span className="section-title__print" translate="no" aria-hidden="true">
        {section.number} {title.toString()}
      </span>
    </>
  )
}
