// What every section on the document page needs from the open document, without prop drilling.
import { createContext, useContext } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { LocalUser } from '../../collab/localUser.ts'
import type { CaretRouter } from '../../editor/caretRouter.ts'
import type { SectionEditorRegistry } from '../search/sectionEditors.ts'

/**
 * Why the text cannot be changed on this page, for the words under a section when someone tries:
 * the server cannot store right now, the perspective is submitted or adopted, the member may only
 * comment, or only read. (A locked section says so itself.)
 */
export type ReadOnlyWhy = 'storage' | 'closed' | 'frozen' | 'comment' | 'read'

export interface SectionsContextValue {
  /** The open document (where an image is uploaded to). */
  readonly documentId: string
  readonly doc: Y.Doc
  readonly awareness: Awareness
  /** Each editor's view of the awareness for its caret plugin (redraws only the editors a caret concerns). */
  readonly carets: CaretRouter
  /** False for read-only and comment-only access. */
  readonly editable: boolean
  /** Why not, while `editable` is false. */
  readonly readOnlyWhy: ReadOnlyWhy | null
  /** The user as it is now (for editors created later). */
  readonly currentUser: () => LocalUser
  /** Asks the title of a section about to appear to take focus when it mounts. */
  readonly focusTitleWhenMounted: (sectionId: string) => void
  /** True once for the section whose title should take focus. */
  readonly takeTitleFocus: (sectionId: string) => boolean
  /** The page's list of section editors, which each editor joins while mounted (the find bar). */
  readonly editors: SectionEditorRegistry
}

export const SectionsContext = createContext<SectionsContextValue | null>(null)

export function useSectionsContext(): SectionsContextValue {
  const value = useContext(SectionsContext)
  if (value === null) throw new Error('useSectionsContext outside <SectionsContext>')
  return value
}
