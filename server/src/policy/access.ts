// Who may do what on a document. Access follows membership of the document's area (perspective) or
// province (voorstel); staff of a province's own organisation may always edit their province's voorstel.
import { type Access, accessForRole, type Scope } from '@novex/shared'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'

export function documentScope(doc: DocumentRecord): { scope: Scope; scopeId: string } | null {
  if (doc.kind === 'ontwikkelperspectief') return doc.areaId ? { scope: 'area', scopeId: doc.areaId } : null
  return doc.provinceId ? { scope: 'province', scopeId: doc.provinceId } : null
}

export function documentAccess(accounts: AccountStore, user: User, doc: DocumentRecord): Access | null {
  if (user.disabled) return null
  const scope = documentScope(doc)
  if (!scope) return null
  const membership = accounts.membership(user.id, scope.scope, scope.scopeId)
  if (membership) return accessForRole(membership.role)
  const org = user.organisation
  if (scope.scope === 'province' && org.kind === 'provincie' && org.provinceId === scope.scopeId) return 'edit'
  return null
}
