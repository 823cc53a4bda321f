// Organisations, users and memberships in SQLite. Every change is written together with its audit
// event, in one transaction.
import { randomUUID } from 'node:crypto'
import type { OrganisationKind, Role, Scope } from '@novex/shared'
import type { Db } from '../persistence/database.ts'
import { type Audit, createAudit } from './audit.ts'

export interface Organisation {
  readonly id: string
  readonly name: string
  readonly kind: OrganisationKind
  readonly oin: string | null
  readonly provinceId: string | null
}

export interface User {
  readonly id: string
  readonly email: string
  readonly name: string
  readonly organisation: Organisation
  readonly disabled: boolean
}

export interface Membership {
  readonly scope: Scope
  readonly scopeId: string
  readonly role: Role
  readonly signatory: boolean
  readonly trekker: boolean
}

export interface NewUser {
  readonly email: string
  readonly name: string
  readonly organisationId: string
  readonly passwordHash: string
}

export interface AccountStore {
  createOrganisation(org: Organisation, actor: string): void
  getOrganisation(id: string): Organisation | null
  listOrganisations(): Organisation[]
  createUser(user: NewUser, actor: string): User
  findUserByEmail(email: string): (User & { passwordHash: string }) | null
  getUser(id: string): User | null
  listUsers(): User[]
  setPassword(userId: string, passwordHash: string, actor: string): void
  setDisabled(userId: string, disabled: boolean, actor: string): void
  setMembership(userId: string, membership: Membership, actor: string): void
  removeMembership(userId: string, scope: Scope, scopeId: string, actor: string): boolean
  memberships(userId: string): Membership[]
  membership(userId: string, scope: Scope, scopeId: string): Membership | null
  /** Members of one area or province (for mentions and trekker checks). */
  members(scope: Scope, scopeId: string): { user: User; membership: Membership }[]
}

interface OrgRow {
  id: string
  name: string
  kind: OrganisationKind
  oin: string | null
  province_id: string | null
}
interface UserRow {
  id: string
  email: string
  name: string
  organisation_id: string
  password_hash: string
  disabled: number
}
interface MembershipRow {
  user_id: string
  scope: Scope
  scope_id: string
  role: Role
  signatory: number
  trekker: number
}

export function createAccountStore(db: Db, now: () => number = Date.now): AccountStore {
  const audit: Audit = createAudit(db, now)
  const q = {
    insertOrg: db.prepare<[string, string, string, string | null, string | null, number]>(
      'INSERT INTO organisations (id, name, kind, oin, province_id, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    org: db.prepare<[string], OrgRow>('SELECT id, name, kind, oin, province_id FROM organisations WHERE id = ?'),
    orgs: db.prepare<[], OrgRow>('SELECT id, name, kind, oin, province_id FROM organisations ORDER BY name'),
    insertUser: db.prepare<[string, string, string, string, string, number]>(
      'INSERT INTO users (id, email, name, organisation_id, password_hash, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    userByEmail: db.prepare<[string], UserRow>(
      'SELECT id, email, name, organisation_id, password_hash, disabled FROM users WHERE email = ?',
    ),
    userById: db.prepare<[string], UserRow>(
      'SELECT id, email, name, organisation_id, password_hash, disabled FROM users WHERE id = ?',
    ),
    users: db.prepare<[], UserRow>(
      'SELECT id, email, name, organisation_id, password_hash, disabled FROM users ORDER BY email',
    ),
    setPassword: db.prepare<[string, string]>('UPDATE users SET password_hash = ? WHERE id = ?'),
    setDisabled: db.prepare<[number, string]>('UPDATE users SET disabled = ? WHERE id = ?'),
    upsertMembership: db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO memberships (user_id, scope, scope_id, role, signatory, trekker) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(user_id, scope, scope_id) DO UPDATE SET role = excluded.role, signatory = excluded.signatory,
         trekker = excluded.trekker`,
    ),
    deleteMembership: db.prepare<[string, string, string]>(
      'DELETE FROM memberships WHERE user_id = ? AND scope = ? AND scope_id = ?',
    ),
    memberships: db.prepare<[string], MembershipRow>(
      'SELECT * FROM memberships WHERE user_id = ? ORDER BY scope, scope_id',
    ),
    membership: db.prepare<[string, string, string], MembershipRow>(
      'SELECT * FROM memberships WHERE user_id = ? AND scope = ? AND scope_id = ?',
    ),
    members: db.prepare<[string, string], MembershipRow>('SELECT * FROM memberships WHERE scope = ? AND scope_id = ?'),
  }
  const toOrg = (row: OrgRow): Organisation => ({
    id: row.id,
    name: row.name,
    kind: row.kind,
    oin: row.oin,
    provinceId: row.province_id,
  })
  const toUser = (row: UserRow): User => {
    const org = q.org.get(row.organisation_id)
    if (!org) throw new Error(`user ${row.id} has no organisation ${row.organisation_id}`)
    return { id: row.id, email: row.email, name: row.name, organisation: toOrg(org), disabled: row.disabled === 1 }
  }
  const toMembership = (row: MembershipRow): Membership => ({
    scope: row.scope,
    scopeId: row.scope_id,
    role: row.role,
    signatory: row.signatory === 1,
    trekker: row.trekker === 1,
  })
  const tx = <A extends unknown[], R>(fn: (...args: A) => R) => db.transaction(fn)

  return {
    createOrganisation: tx((org: Organisation, actor: string) => {
      q.insertOrg.run(org.id, org.name, org.kind, org.oin, org.provinceId, now())
      audit({ actor, action: 'organisation.create', subject: org.id, details: { name: org.name, kind: org.kind } })
    }),
    getOrganisation: (id) => {
      const row = q.org.get(id)
      return row ? toOrg(row) : null
    },
    listOrganisations: () => q.orgs.all().map(toOrg),
    createUser: tx((user: NewUser, actor: string): User => {
      const id = randomUUID()
      q.insertUser.run(id, user.email.trim(), user.name, user.organisationId, user.passwordHash, now())
      audit({
        actor,
        action: 'user.create',
        subject: id,
        details: { email: user.email, organisation: user.organisationId },
      })
      const row = q.userById.get(id)
      if (!row) throw new Error('user was not created')
      return toUser(row)
    }),
    findUserByEmail: (email) => {
      const row = q.userByEmail.get(email.trim())
      return row ? { ...toUser(row), passwordHash: row.password_hash } : null
    },
    getUser: (id) => {
      const row = q.userById.get(id)
      return row ? toUser(row) : null
    },
    listUsers: () => q.users.all().map(toUser),
    setPassword: tx((userId: string, passwordHash: string, actor: string) => {
      q.setPassword.run(passwordHash, userId)
      audit({ actor, action: 'user.password-reset', subject: userId })
    }),
    setDisabled: tx((userId: string, disabled: boolean, actor: string) => {
      q.setDisabled.run(disabled ? 1 : 0, userId)
      audit({ actor, action: disabled ? 'user.disable' : 'user.enable', subject: userId })
    }),
    setMembership: tx((userId: string, m: Membership, actor: string) => {
      q.upsertMembership.run(userId, m.scope, m.scopeId, m.role, m.signatory ? 1 : 0, m.trekker ? 1 : 0)
      audit({ actor, action: 'membership.set', subject: userId, details: { ...m } })
    }),
    removeMembership: tx((userId: string, scope: Scope, scopeId: string, actor: string): boolean => {
      const removed = q.deleteMembership.run(userId, scope, scopeId).changes > 0
      if (removed) audit({ actor, action: 'membership.remove', subject: userId, details: { scope, scopeId } })
      return removed
    }),
    memberships: (userId) => q.memberships.all(userId).map(toMembership),
    membership: (userId, scope, scopeId) => {
      const row = q.membership.get(userId, scope, scopeId)
      return row ? toMembership(row) : null
    },
    members: (scope, scopeId) =>
      q.members.all(scope, scopeId).flatMap((row) => {
        const userRow = q.userById.get(row.user_id)
        return userRow ? [{ user: toUser(userRow), membership: toMembership(row) }] : []
      }),
  }
}
