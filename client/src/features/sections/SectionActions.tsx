// The buttons of one section: move up, move down, add a subsection, delete. Deleting a required
// section, or a section both parties signed (locked), is refused with the reason (a tooltip on hover
// or focus, a notice on activation); deleting a free section asks for confirmation first.
import {
  appendSection,
  canDeleteSection,
  deleteSection,
  type OrderedSection,
  REQUIRED_SECTION_DELETE_REASON,
  type SectionId,
} from '@novex/shared'
import { useId } from 'react'
import { Icon } from '../../ui/Icon.tsx'
import { useSectionsContext } from './SectionsContext.ts'
import { afterRender, focusTargetAfterDelete } from './sectionFocus.ts'

export interface SectionActionsProps {
  readonly section: OrderedSection
  readonly isFirst: boolean
  readonly isLast: boolean
  readonly subsectionCount: number
  /** Signed by both parties: it cannot be deleted until it is reopened. */
  readonly locked: boolean
  readonly onMove: (delta: -1 | 1, from: HTMLElement) => void
  /** The delete button of a section that cannot be deleted was activated; `reason` says why. */
  readonly onDeleteRefused: (reason: string) => void
}

export const LOCKED_SECTION_DELETE_REASON =
  'Deze sectie is door het Rijk en de provincie ondertekend en is vergrendeld. Verwijderen kan pas na heropenen.'

export function SectionActions({
  section,
  isFirst,
  isLast,
  subsectionCount,
  locked,
  onMove,
  onDeleteRefused,
}: SectionActionsProps) {
  const { doc, focusTitleWhenMounted } = useSectionsContext()
  const reasonId = useId()
  const required = !canDeleteSection(section)
  const refusal = locked ? LOCKED_SECTION_DELETE_REASON : required ? REQUIRED_SECTION_DELETE_REASON : null
  const id = section.id as SectionId

  const addSubsection = (): void => {
    focusTitleWhenMounted(appendSection(doc, { title: 'Nieuwe subsectie', parent: id }))
  }

  const handleDelete = (button: HTMLButtonElement): void => {
    if (refusal !== null) {
      onDeleteRefused(refusal)
      return
    }
    const title = section.title.toString() || 'zonder titel'
    const children =
      subsectionCount > 0 ? ` en ${subsectionCount === 1 ? 'de subsectie' : `de ${subsectionCount} subsecties`}` : ''
    if (!window.confirm(`Sectie ${section.number} "${title}"${children} verwijderen?`)) return
    const sectionElement = button.closest<HTMLElement>('[data-testid="section"]')
    const next = sectionElement ? focusTargetAfterDelete(sectionElement, '[data-testid="add-section"]') : null
    if (deleteSection(doc, id)) afterRender(() => next?.focus())
  }

  return (
    <div className="section-actions">
      <button
        type="button"
        data-testid="move-up"
        className="icon-button"
        aria-label="Sectie omhoog"
        title="Sectie omhoog (Alt+Shift+pijl omhoog)"
        aria-disabled={isFirst}
        onClick={(e) => !isFirst && onMove(-1, e.currentTarget)}
      >
        <Icon name="arrowUp" />
      </button>
      <button
        type="button"
        data-testid="move-down"
        className="icon-button"
        aria-label="Sectie omlaag"
        title="Sectie omlaag (Alt+Shift+pijl omlaag)"
        aria-disabled={isLast}
        onClick={(e) => !isLast && onMove(1, e.currentTarget)}
      >
        <Icon name="arrowDown" />
      </button>
      <button
        type="button"
        data-testid="add-subsection"
        className="icon-button"
        aria-label="Subsectie toevoegen"
        title="Subsectie toevoegen"
        onClick={addSubsection}
      >
        <Icon name="subsection" />
      </button>
      <span className={refusal !== null ? 'has-tooltip' : undefined}>
        <button
          type="button"
          data-testid="delete-section"
          className="icon-button icon-button--danger"
          aria-label="Sectie verwijderen"
          title={refusal !== null ? undefined : 'Sectie verwijderen'}
          aria-disabled={refusal !== null}
          aria-describedby={refusal !== null ? reasonId : undefined}
          onClick={(e) => handleDelete(e.currentTarget)}
        >
          <Icon name={refusal !== null ? 'lock' : 'trash'} />
        </button>
        {refusal !== null && (
          <span id={reasonId} role="tooltip" className="tooltip">
            {refusal}
          </span>
        )}
      </span>
    </div>
  )
}
