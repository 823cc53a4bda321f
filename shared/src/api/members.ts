// GET /api/documents/<id>/members: the members of the document's area (or, for a voorstel, its province)
// whose accounts are not disabled; the people a comment can mention.
import type { OrganisationKind } from '../roles.ts'

export interface Member {
  readonly userId: string
  readonly name: string
  readonly organisationName: string
  readonly organisationKind: OrganisationKind
}
