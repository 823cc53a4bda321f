// The buttons of one section: move up, move down, add a subsection, delete. Deleting a required
// section, or a section both parties signed (locked), is refused with the reason (a tooltip on hover
// or focus, a notice on activation); deleting a free section asks for confirmation first. A refused
// delete keeps its bin icon, drawn disabled: the padlock means a signed, locked section ("Vergrendeld").
import { appendSection, canDeleteSection, deleteSection, type OrderedSection, type SectionId } from '@novex/shared'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
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

export function SectionActions({
  section,
  isFirst,
  isLast,
  subsectionCount,
  locked,
  onMove,
  onDeleteRefused,
}: SectionActionsProps) {
  const { t } = useTranslation('sections')
  const { doc, focusTitleWhenMounted } = useSectionsContext()
  const reasonId = useId()
  const required = !canDeleteSection(section)
  const refusal = locked ? t('section.lockedDeleteReason') : required ? t('section.requiredDeleteReason') : null
  const id = section.id as SectionId

  const addSubsection = (): void => {
    focusTitleWhenMounted(appendSection(doc, { title: t('list.newSubsection'), parent: id }))
  }

  const handleDelete = (button: HTMLButtonElement): void => {
    if (refusal !== null) {
      onDeleteRefused(refusal)
      return
    }
    const title = section.title.toString() || t('section.untitled')
    const question =
      subsectionCount > 0
        ? t('section.confirmDeleteWithSubsections', { number: section.number, title, count: subsectionCount })
        : t('section.confirmDelete', { number: section.number, title })
    if (!window.confirm(question)) return
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
        aria-label={t('section.moveUp')}
        title={t('section.moveUpHint')}
        aria-disabled={isFirst}
        onClick={(e) => !isFirst && onMove(-1, e.currentTarget)}
      >
        <Icon name="arrowUp" />
      </button>
      <button
        type="button"
        data-testid="move-down"
        className="icon-button"
        aria-label={t('section.moveDown')}
        title={t('section.moveDownHint')}
        aria-disabled={isLast}
        onClick={(e) => !isLast && onMove(1, e.currentTarget)}
      >
        <Icon name="arrowDown" />
      </button>
      <button
        type="button"
        data-testid="add-subsection"
        className="icon-button"
        aria-label={t('section.addSubsection')}
        title={t('section.addSubsection')}
        onClick={addSubsection}
      >
        <Icon name="subsection" />
      </button>
      <span className={refusal !== null ? 'has-tooltip' : undefined}>
        <button
          type="button"
          data-testid="delete-section"
          className="icon-button icon-button--danger"
          aria-label={t('section.delete')}
          title={refusal !== null ? undefined : t('section.delete')}
          aria-disabled={refusal !== null}
          aria-describedby={refusal !== null ? reasonId : undefined}
          onClick={(e) => handleDelete(e.currentTarget)}
        >
          <Icon name="trash" />
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
