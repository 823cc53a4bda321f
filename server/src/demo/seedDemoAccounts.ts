// The demo organisations and accounts (ARCHITECTURE.md), all with password `novex-demo`, all members
// of the De Peel area and of the Noord-Brabant voorstel.
import type { CommentAuthor, Role } from '@novex/shared'
import type { AccountStore, Organisation } from '../accounts/accountStore.ts'
import { authorOf } from '../comments/commentAuthor.ts'

export const DEMO_PASSWORD = 'novex-demo'

const ORGANISATIONS: readonly Organisation[] = [
  { id: 'ministerie-lvvn', name: 'Ministerie van LVVN', kind: 'rijk', oin: null, provinceId: null },
  {
    id: 'provincie-noord-brabant',
    name: 'Provincie Noord-Brabant',
    kind: 'provincie',
    oin: null,
    provinceId: 'noord-brabant',
  },
  { id: 'waterschap-aa-en-maas', name: 'Waterschap Aa en Maas', kind: 'waterschap', oin: null, provinceId: null },
  { id: 'gemeente-helmond', name: 'Gemeente Helmond', kind: 'gemeente', oin: null, provinceId: null },
]

interface DemoUser {
  readonly email: string
  readonly name: string
  readonly organisationId: string
  readonly role: Role
  readonly signatory: boolean
  readonly trekker: boolean
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    email: 'rijk.auteur@novex.example',
    name: 'Anne de Vries',
    organisationId: 'ministerie-lvvn',
    role: 'auteur',
    signatory: false,
    trekker: false,
  },
  {
    email: 'provincie.auteur@novex.example',
    name: 'Bram Jansen',
    organisationId: 'provincie-noord-brabant',
    role: 'auteur',
    signatory: false,
    trekker: false,
  },
  {
    email: 'rijk.ondertekenaar@novex.example',
    name: 'Carla Bakker',
    organisationId: 'ministerie-lvvn',
    role: 'auteur',
    signatory: true,
    trekker: true,
  },
  {
    email: 'provincie.ondertekenaar@novex.example',
    name: 'Daan Visser',
    organisationId: 'provincie-noord-brabant',
    role: 'auteur',
    signatory: true,
    trekker: true,
  },
  {
    email: 'meelezer@novex.example',
    name: 'Eva Smit',
    organisationId: 'waterschap-aa-en-maas',
    role: 'meelezer',
    signatory: false,
    trekker: false,
  },
  {
    email: 'lezer@novex.example',
    name: 'Frank Mulder',
    organisationId: 'gemeente-helmond',
    role: 'lezer',
    signatory: false,
    trekker: false,
  },
]

/** Seeds when there are no organisations yet; `passwordHash` is the hash of DEMO_PASSWORD. */
export function seedDemoAccounts(accounts: AccountStore, passwordHash: string): number {
  if (accounts.listOrganisations().length > 0) return 0
  for (const org of ORGANISATIONS) accounts.createOrganisation(org, 'demo-seed')
  for (const demo of DEMO_USERS) {
    const user = accounts.createUser(
      { email: demo.email, name: demo.name, organisationId: demo.organisationId, passwordHash },
      'demo-seed',
    )
    const membership = { role: demo.role, signatory: demo.signatory, trekker: demo.trekker }
    accounts.setMembership(user.id, { scope: 'area', scopeId: 'de-peel', ...membership }, 'demo-seed')
    accounts.setMembership(user.id, { scope: 'province', scopeId: 'noord-brabant', ...membership }, 'demo-seed')
  }
  return DEMO_USERS.length
}

/** Who writes the demo's friction point: the province's and the Rijk's auteur; null when either is gone. */
export function schuurpuntAuthors(
  accounts: AccountStore,
): { readonly province: CommentAuthor; readonly rijk: CommentAuthor } | null {
  const province = accounts.findUserByEmail('provincie.auteur@novex.example')
  const rijk = accounts.findUserByEmail('rijk.auteur@novex.example')
  return province === null || rijk === null ? null : { province: authorOf(province), rijk: authorOf(rijk) }
}
