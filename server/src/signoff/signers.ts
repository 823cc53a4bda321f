// Who someone is for sign-off on a document: their organisation's side (Rijk or a province of the
// document), and whether their membership makes them a signatory.
import { type Actor, AREAS, signSideOf } from '@novex/shared'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { DocumentRecord } from '../persistence/documentCatalog.ts'
import { documentScope } from '../policy/access.ts'

/** The provinces whose signatories sign a document: the area's provinces, or the voorstel's province. */
export function documentProvinces(doc: DocumentRecord): readonly string[] {
  if (doc.kind === 'ontwikkelperspectief') return AREAS.find((a) => a.id === doc.areaId)?.provinces ?? []
  return doc.provinceId ? [doc.provinceId] : []
}

/** The user as recorded in the ledger; `side` is set only when they sign for this document. */
export function actorFor(accounts: AccountStore, user: User, doc: DocumentRecord): Actor {
  const scope = documentScope(doc)
  const membership = scope ? accounts.membership(user.id, scope.scope, scope.scopeId) : null
  const side = membership?.signatory ? signSideOf(user.organisation, documentProvinces(doc)) : null
  return {
    userId: user.id,
    name: user.name,
    organisationId: user.organisation.id,
    organisationName: user.organisation.name,
    side,
  }
}
