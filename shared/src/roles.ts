// Roles per area (or province) and what they allow on a document.
import type { Access } from './protocol/messages.ts'

export const ROLES = ['auteur', 'meelezer', 'lezer'] as const
export type Role = (typeof ROLES)[number]

export const ORGANISATION_KINDS = ['rijk', 'provincie', 'gemeente', 'waterschap', 'partner'] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const SCOPES = ['area', 'province'] as const
export type Scope = (typeof SCOPES)[number]

export function accessForRole(role: Role): Access {
  return role === 'auteur' ? 'edit' : role === 'meelezer' ? 'comment' : 'read'
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value)
}

/** Caret and avatar colour per organisation kind (with the name always shown: never colour alone). */
export const ORGANISATION_KIND_COLOR: Readonly<Record<OrganisationKind, string>> = {
  rijk: '#154273',
  provincie: '#a3007d',
  gemeente: '#00774a',
  waterschap: '#0063a8',
  partner: '#8a5300',
}
