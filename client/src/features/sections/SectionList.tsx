// The sections of the document in outline order, as nested sortable groups: a section can be dragged
// among its siblings (by its handle, with the mouse or the keyboard), and its subsections travel with
// it. A drop changes only the section's rank, so concurrent moves converge.
import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core'
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { moveSectionTo, type OrderedSection, type SectionId } from '@novex/shared'
import type { TFunction } from 'i18next'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participant } from '../../collab/usePresence.ts'
import { buildSectionTree, indexSectionTree, type SectionNode } from './buildSectionTree.ts'
import { useSectionsContext } from './SectionsContext.ts'
import { SectionView } from './SectionView.tsx'

export interface SectionListProps {
  readonly sections: readonly OrderedSection[]
  /** Everyone else in the document, to show who is in which section. */
  readonly others: readonly Participant[]
}

const NOBODY: readonly Participant[] = []

export function SectionList({ sections, others }: SectionListProps) {
  const { t } = useTranslation('sections')
  const { doc } = useSectionsContext()
  const tree = useMemo(() => buildSectionTree(sections), [sections])
  const index = useMemo(() => indexSectionTree(tree), [tree])
  const presentBySection = useMemo(() => {
    const bySection = new Map<string, Participant[]>()
    for (const person of others) {
      if (person.section === null) continue
      bySection.set(person.section, [...(bySection.get(person.section) ?? []), person])
    }
    return bySection
  }, [others])

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )

  // Only siblings are drop targets: a drag reorders within one level and never re-parents.
  const collisionDetection = useCallback<CollisionDetection>(
    (args) => {
      const parent = index.get(String(args.active.id))?.parentId ?? null
      const siblings = args.droppableContainers.filter((c) => (index.get(String(c.id))?.parentId ?? null) === parent)
      return closestCenter({ ...args, droppableContainers: siblings })
    },
    [index],
  )

  const handleDragEnd = ({ active, over }: DragEndEvent): void => {
    if (!over || active.id === over.id) return
    const moved = index.get(String(active.id))
    const target = index.get(String(over.id))
    if (!moved || !target || moved.parentId !== target.parentId) return
    const group = moved.parentId === null ? tree : (index.get(moved.parentId)?.children ?? [])
    const to = group.findIndex((node) => node.section.id === target.section.id)
    moveSectionTo(doc, moved.section.id as SectionId, moved.section.parent, to)
  }

  const announcements = useMemo(() => dragAnnouncements(index, t), [index, t])

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      onDragEnd={handleDragEnd}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: t('drag.instructions'),
        },
      }}
    >
      <SectionGroup nodes={tree} presentBySection={presentBySection} />
    </DndContext>
  )
}

interface GroupProps {
  readonly nodes: readonly SectionNode[]
  readonly presentBySection: ReadonlyMap<string, readonly Participant[]>
}

function SectionGroup({ nodes, presentBySection }: GroupProps) {
  const ids = useMemo(() => nodes.map((n) => n.section.id), [nodes])
  return (
    <SortableContext items={ids} strategy={verticalListSortingStrategy}>
      <div className="section-group">
        {nodes.map((node, i) => (
          <SortableSection
            key={node.section.id}
            node={node}
            isFirst={i === 0}
            isLast={i === nodes.length - 1}
            presentBySection={presentBySection}
          />
        ))}
      </div>
    </SortableContext>
  )
}

interface SortableSectionProps {
  readonly node: SectionNode
  readonly isFirst: boolean
  readonly isLast: boolean
  readonly presentBySection: ReadonlyMap<string, readonly Participant[]>
}

function SortableSection({ node, isFirst, isLast, presentBySection }: SortableSectionProps) {
  const { t } = useTranslation('sections')
  const { editable } = useSectionsContext()
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: node.section.id,
    disabled: !editable,
    // dnd-kit's default role description is the English word "sortable".
    attributes: { roleDescription: t('drag.roleDescription') },
  })
  return (
    <div
      ref={setNodeRef}
      className={`section-item${isDragging ? ' section-item--dragging' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
    >
      <SectionView
        section={node.section}
        isFirst={isFirst}
        isLast={isLast}
        subsectionCount={countDescendants(node)}
        present={presentBySection.get(node.section.id) ?? NOBODY}
        dragAttributes={attributes}
        dragListeners={listeners}
        setDragHandleRef={setActivatorNodeRef}
      />
      {node.children.length > 0 && <SectionGroup nodes={node.children} presentBySection={presentBySection} />}
    </div>
  )
}

function countDescendants(node: SectionNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countDescendants(child), 0)
}

/** What dnd-kit's live region says while a section is dragged with the keyboard or the mouse. */
function dragAnnouncements(index: ReadonlyMap<string, SectionNode>, t: TFunction<'sections'>): Announcements {
  const label = (id: string | number): string => {
    const section = index.get(String(id))?.section
    return section
      ? t('drag.section', { number: section.number, title: section.title.toString() })
      : t('drag.unknownSection')
  }
  return {
    onDragStart: ({ active }) => t('drag.start', { section: label(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('drag.over', { section: label(active.id), target: label(over.id) })
        : t('drag.overNothing', { section: label(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('drag.end', { section: label(active.id), target: label(over.id) })
        : t('drag.endNowhere', { section: label(active.id) }),
    onDragCancel: ({ active }) => t('drag.cancel', { section: label(active.id) }),
  }
}
