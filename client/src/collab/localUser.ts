// The person at this browser as the document's presence shows them: name and organisation from the
// login session (the server stamps the same on every presence update), and the organisation kind's
// colour. The name is always shown beside the colour, so colour is never the only cue.
import { ORGANISATION_KIND_COLOR, type OrganisationKind } from '@novex/shared'
import type { ClientSessionUser } from '../api/session.ts'

export interface LocalUser {
  readonly id: string
  readonly name: string
  readonly color: string
  readonly organisation: string
  readonly organisationKind: OrganisationKind
}

export function localUserFor(session: ClientSessionUser): LocalUser {
  return {
    id: session.id,
    name: session.name,
    color: ORGANISATION_KIND_COLOR[session.organisation.kind],
    organisation: session.organisation.name,
    organisationKind: session.organisation.kind,
  }
}

/** What goes into the awareness `user` field: the same shape the server stamps. */
export function presenceUser(user: LocalUser): Record<string, string> {
  return {
    name: user.name,
    organisation: user.organisation,
    organisationKind: user.organisationKind,
    color: user.color,
  }
}
