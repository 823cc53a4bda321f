// The body of the document page: every section, and the button that adds one at the end.
import { appendSection, type OrderedSection } from '@novex/shared'
import { useCallback, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { LocalUser } from '../../collab/localUser.ts'
import type { Participant } from '../../collab/usePresence.ts'
import { createCaretRouter } from '../../editor/caretRouter.ts'
import { Icon } from '../../ui/Icon.tsx'
import type { SectionEditorRegistry } from '../search/sectionEditors.ts'
import { SectionList } from './SectionList.tsx'
import { type ReadOnlyWhy, SectionsContext, type SectionsContextValue } from './SectionsContext.ts'

export interface DocumentSectionsProps {
  readonly documentId: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  readonly sections: readonly OrderedSection[]
  readonly others: readonly Participant[]
  readonly editable: boolean
  /** Why the text cannot be changed, while `editable` is false. */
  readonly readOnlyWhy: ReadOnlyWhy | null
  readonly user: LocalUser
  /** True until the local copy or the server delivered the document. */
  readonly loading: boolean
  /** Where each section's editor makes itself known to the page (the find bar). */
  readonly editors: SectionEditorRegistry
}

export function DocumentSections({
  documentId,
  doc,
  awareness,
  sections,
  others,
  editable,
  readOnlyWhy,
  user,
  loading,
  editors,
}: DocumentSectionsProps) {
  const { t } = useTranslation('sections')
  const userRef = useRef(user)
  userRef.current = user
  const pendingTitleFocus = useRef<string | null>(null)

  const focusTitleWhenMounted = useCallback((sectionId: string) => {
    pendingTitleFocus.current = sectionId
  }, [])
  const takeTitleFocus = useCallback((sectionId: string) => {
    if (pendingTitleFocus.current !== sectionId) return false
    pendingTitleFocus.current = null
    return true
  }, [])
  const currentUser = useCallback(() => userRef.current, [])

  // Pure until an editor subscribes (it listens to the awareness only while editors listen to it),
  // so creating it during render is safe.
  const carets = useMemo(() => createCaretRouter(doc, awareness), [doc, awareness])
  const context = useMemo<SectionsContextValue>(
    () => ({
      documentId,
      doc,
      awareness,
      carets,
      editable,
      readOnlyWhy,
      currentUser,
      focusTitleWhenMounted,
      takeTitleFocus,
      editors,
    }),
    [
      documentId,
      doc,
      awareness,
      carets,
      editable,
      readOnlyWhy,
      currentUser,
      focusTitleWhenMounted,
      takeTitleFocus,
      editors,
    ],
  )

  const addSection = (): void => {
    focusTitleWhenMounted(appendSection(doc, { title: t('list.newSection') }))
  }

  return (
    <SectionsContext value={context}>
      {sections.length === 0 ? (
        <p className="empty-state" role="status">
          {loading ? t('common:loading.document') : t('list.empty')}
        </p>
      ) : (
        <SectionList sections={sections} others={others} />
      )}
      {editable && (
        <div className="add-section">
          <button type="button" data-testid="add-section" className="button button--secondary" onClick={addSection}>
            <Icon name="plus" />
            {t('list.add')}
          </button>
        </div>
      )}
    </SectionsContext>
  )
}
