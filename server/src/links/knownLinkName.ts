// Names a section link in words from what the server knows at once, without opening another document:
// for a refused change, which is kept while the update is refused (signoff/refusedChanges.ts). The words
// are a version comparison's ("[koppeling: § 4 Wonen en verstedelijking (Ruimtelijk voorstel
// Noord-Brabant)]", review/linkLabels.ts): a section of the same document by its title and number in
// that document; a section of another document by the title and number the links index last saw
// (link_targets), with that document's title; "geen toegang" when the user may not open that document.
// A section the index never saw is named by its document alone.
import { type DiffLink, type LinkedSection, orderedSections } from '@novex/shared'
import type * as Y from 'yjs'
import type { AccountStore } from '../accounts/accountStore.ts'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import { documentAccess } from '../policy/access.ts'
import { linkTargetText } from '../review/linkLabels.ts'
import type { LinkStore } from './linkStore.ts'

export interface KnownLinkDeps {
  /** The title of a document `userId` may open; null when there is no such document or they may not. */
  readonly readableTitle: (userId: string, documentId: string) => string | null
  /** The title and number a link target last had. */
  readonly targets: Pick<LinkStore, 'target'>
}

/** `link` in words for `userId`, as written in `doc` (the document `documentId`, as the change would make it). */
export function knownLinkName(
  deps: KnownLinkDeps,
  userId: string,
  doc: Y.Doc,
  documentId: string,
  link: LinkedSection,
): string {
  const at = { documentId: link.documentId, sectionId: link.sectionId }
  const named = (rest: Omit<DiffLink, 'documentId' | 'sectionId'>): string =>
    `[koppeling: ${linkTargetText({ ...at, ...rest })}]`
  const known = deps.targets.target(link.documentId, link.sectionId)
  if (link.documentId === documentId) {
    const here = orderedSections(doc).find((s) => s.id === link.sectionId)
    if (here) return named({ state: 'valid', title: here.title.toString(), number: here.number })
    return named({ state: 'broken', title: known?.title ?? '', number: known?.number ?? '' })
  }
  const documentTitle = deps.readableTitle(userId, link.documentId)
  if (documentTitle === null) return named({ state: 'no-access' })
  if (!known) return `[koppeling: een sectie van ${documentTitle}]`
  return named({ state: known.deleted ? 'broken' : 'valid', title: known.title, number: known.number, documentTitle })
}

/** What knownLinkName needs, from the server's stores: a document's title only for whom may open it. */
export function knownLinkDeps(
  accounts: AccountStore,
  catalog: DocumentCatalog,
  targets: Pick<LinkStore, 'target'>,
): KnownLinkDeps {
  return {
    readableTitle(userId, documentId) {
      const user = accounts.getUser(userId)
      const record = catalog.get(documentId)
      return user && record && documentAccess(accounts, user, record) !== null ? record.title : null
    },
    targets,
  }
}
