// One section of the document: outline number, collaborative title, required badge, who is here,
// the actions (move, add subsection, delete, drag), the sign-off line and the section's own editor.
// A section both parties signed is locked: its title and text are read-only (moving stays allowed).
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core'
import { canDeleteSection, isLocked, moveSectionBy, type OrderedSection, type SectionId } from '@novex/shared'
import { type FocusEvent, type KeyboardEvent, memo, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participant } from '../../collab/usePresence.ts'
import { EDITS_SECTION } from '../../editor/localTableFixes.ts'
import { Icon } from '../../ui/Icon.tsx'
import { SectionBacklinks } from '../links/SectionBacklinks.tsx'
import { SignoffStatus } from '../signoff/SignoffStatus.tsx'
import { useSectionSignoff } from '../signoff/useSignoffMirror.ts'
import { SectionActions } from './SectionActions.tsx'
import { SectionEditor } from './SectionEditor.tsx'
import { useSectionsContext } from './SectionsContext.ts'
import { SectionTitle } from './SectionTitle.tsx'
import { afterRender, snapshotFocus } from './sectionFocus.ts'

export interface SectionViewProps {
  readonly section: OrderedSection
  readonly isFirst: boolean
  readonly isLast: boolean
  readonly subsectionCount: number
  /** Other people whose focus is in this section. */
  readonly present: readonly Participant[]
  readonly dragAttributes: DraggableAttributes
  readonly dragListeners: DraggableSyntheticListeners
  readonly setDragHandleRef: (element: HTMLElement | null) => void
}

function SectionViewImpl(props: SectionViewProps) {
  const { section, isFirst, isLast, subsectionCount, present } = props
  const { t } = useTranslation('sections')
  const { doc, awareness, editable } = useSectionsContext()
  const [deleteRefusal, setDeleteRefusal] = useState<string | null>(null)
  const titleId = useId()
  const required = !canDeleteSection(section)
  const signoff = useSectionSignoff(doc, section.id)
  const locked = isLocked(signoff)
  const id = section.id as SectionId

  const move = (delta: -1 | 1, from: HTMLElement): void => {
    const focus = snapshotFocus(from.ownerDocument)
    if (moveSectionBy(doc, id, delta)) afterRender(() => focus.restore())
  }

  const handleKeyDownCapture = (event: KeyboardEvent<HTMLElement>): void => {
    if (!editable || !event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    // Capture phase: handled before the editor or input sees the keys.
    event.preventDefault()
    event.stopPropagation()
    move(event.key === 'ArrowUp' ? -1 : 1, event.currentTarget)
  }

  const handleFocus = (_event: FocusEvent<HTMLElement>): void => {
    const state = awareness.getLocalState()
    // Where this page is (the presence list), and whether it may change that section's text: only such
    // a page takes part in repairing its tables (editor/localTableFixes.ts).
    const edits = editable && !locked ? section.id : null
    if (state?.section !== section.id || state?.[EDITS_SECTION] !== edits)
      awareness.setLocalState({ ...state, section: section.id, [EDITS_SECTION]: edits })
  }

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: event delegation for the controls inside (the move shortcut, focus tracking); the section itself is not interactive.
    <section
      data-testid="section"
      data-section-id={section.id}
      // The anchor of `/document/<id>#section-<sectionId>`, the address a section link opens.
      id={`section-${section.id}`}
      data-depth={section.depth}
      data-locked={locked ? 'true' : 'false'}
      className={`section${required ? ' section--required' : ''}${locked ? ' section--locked' : ''}`}
      onKeyDownCapture={handleKeyDownCapture}
      onFocus={handleFocus}
    >
      <div className="section-bar">
        <button
          type="button"
          data-testid="drag-handle"
          className="icon-button drag-handle"
          aria-label={t('section.drag')}
          title={t('section.dragHint')}
          disabled={!editable}
          ref={props.setDragHandleRef}
          {...props.dragAttributes}
          {...props.dragListeners}
        >
          <Icon name="grip" />
        </button>
        <span className="section-number">{section.number}</span>
        {section.component !== null && (
          <span className="badge badge--required" title={t(`components.${section.component}`)}>
            {t('section.required')}
          </span>
        )}
        {locked && (
          <span className="badge badge--locked">
            <Icon name="lock" size={14} />
            {t('section.locked')}
          </span>
        )}
        {present.length > 0 && (
          <ul className="section-presence" aria-label={t('section.presentHere')}>
            {present.map((p) => (
              <li key={p.clientId} className="section-presence__person" translate="no">
                <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
                {p.name}
              </li>
            ))}
          </ul>
        )}
        {editable && (
          <SectionActions
            section={section}
            isFirst={isFirst}
            isLast={isLast}
            subsectionCount={subsectionCount}
            locked={locked}
            onMove={move}
            onDeleteRefused={(reason) => setDeleteRefusal(reason)}
          />
        )}
      </div>
      <SectionTitle section={section} inputId={titleId} locked={locked} />
      <SignoffStatus state={signoff} />
      {deleteRefusal !== null && (
        <p className="section-notice" role="alert" data-testid="delete-refused">
          {deleteRefusal}
          <button type="button" className="link-button" onClick={() => setDeleteRefusal(null)}>
            {t('common:close')}
          </button>
        </p>
      )}
      <SectionEditor sectionId={section.id} fragment={section.content} labelledBy={titleId} locked={locked} />
      <SectionBacklinks sectionId={section.id} />
    </section>
  )
}

function sameProps(a: SectionViewProps, b: SectionViewProps): boolean {
  const s = a.section
  const t = b.section
  return (
    s.id === t.id &&
    s.number === t.number &&
    s.depth === t.depth &&
    s.component === t.component &&
    s.parent === t.parent &&
    s.title === t.title &&
    s.content === t.content &&
    a.isFirst === b.isFirst &&
    a.isLast === b.isLast &&
    a.subsectionCount === b.subsectionCount &&
    a.dragAttributes === b.dragAttributes &&
    a.dragListeners === b.dragListeners &&
    a.setDragHandleRef === b.setDragHandleRef &&
    samePeople(a.present, b.present)
  )
}

function samePeople(a: readonly Participant[], b: readonly Participant[]): boolean {
  return (
    a.length === b.length &&
    a.every((p, i) => p.clientId === b[i]?.clientId && p.name === b[i]?.name && p.color === b[i]?.color)
  )
}

export const SectionView = memo(SectionViewImpl, sameProps)
