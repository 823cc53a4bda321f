// The administration commands: organisations, users, memberships, sessions and documents, for real
// deployments without the demo. Every change goes through the stores, which write the audit log.
import { randomBytes } from 'node:crypto'
import { createSection, initialRanks, isDocumentKind, isOrganisationKind, isRole, templateFor } from '@novex/shared'
import * as Y from 'yjs'
import { z } from 'zod'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import { hashPassword } from '../accounts/passwords.ts'
import type { SessionStore } from '../accounts/sessionStore.ts'
import type { Db } from '../persistence/database.ts'
import type { DocumentCatalog } from '../persistence/documentCatalog.ts'
import type { DocumentStore } from '../persistence/documentStore.ts'
import { backupTo } from './backup.ts'

export class UsageError extends Error {}

export interface CliContext {
  readonly db: Db
  readonly accounts: AccountStore
  readonly sessions: SessionStore
  readonly catalog: DocumentCatalog
  readonly store: DocumentStore
  readonly actor: string
  readonly out: (line: string) => void
  /** Reads a password from standard input (for --password-stdin). */
  readonly readStdin: () => Promise<string>
}

export type Flags = Readonly<Record<string, string | boolean | undefined>>

const id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,80}$/, 'alleen kleine letters, cijfers en streepjes')
const email = z.string().trim().email('geen geldig e-mailadres')

function parse<T>(schema: z.ZodType<T>, value: unknown, flag: string): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new UsageError(`--${flag}: ${result.error.issues[0]?.message ?? 'ongeldig'}`)
  return result.data
}

function text(flags: Flags, name: string): string {
  const value = flags[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is verplicht`)
  return value.trim()
}

function userByEmail(ctx: CliContext, flags: Flags): User {
  const address = parse(email, text(flags, 'email'), 'email')
  const user = ctx.accounts.findUserByEmail(address)
  if (!user) throw new UsageError(`Geen gebruiker met e-mailadres ${address}`)
  return user
}

function scopeOf(flags: Flags): { scope: 'area' | 'province'; scopeId: string } {
  const area = flags.area
  const province = flags.province
  if (typeof area === 'string' && typeof province !== 'string')
    return { scope: 'area', scopeId: parse(id, area, 'area') }
  if (typeof province === 'string' && typeof area !== 'string')
    return { scope: 'province', scopeId: parse(id, province, 'province') }
  throw new UsageError('Geef precies één van --area of --province')
}

async function passwordFrom(ctx: CliContext, flags: Flags): Promise<{ password: string; generated: boolean }> {
  if (flags['password-stdin'] === true) {
    const password = (await ctx.readStdin()).replace(/\r?\n$/, '')
    if (password.length < 12) throw new UsageError('Een wachtwoord heeft minstens 12 tekens')
    return { password, generated: false }
  }
  return { password: randomBytes(12).toString('base64url'), generated: true }
}

interface Command {
  readonly help: string
  run(ctx: CliContext, flags: Flags): Promise<void>
}

export const COMMANDS: Readonly<Record<string, Command>> = {
  'org:add': {
    help: '--id ID --name NAAM --kind rijk|provincie|gemeente|waterschap|partner [--oin OIN] [--province ID]',
    async run(ctx, flags) {
      const kind = text(flags, 'kind')
      if (!isOrganisationKind(kind)) throw new UsageError(`--kind: onbekende soort "${kind}"`)
      const oin =
        typeof flags.oin === 'string'
          ? parse(z.string().regex(/^\d{20}$/, 'een OIN heeft 20 cijfers'), flags.oin, 'oin')
          : null
      const province = typeof flags.province === 'string' ? parse(id, flags.province, 'province') : null
      const org = { id: parse(id, text(flags, 'id'), 'id'), name: text(flags, 'name'), kind, oin, provinceId: province }
      ctx.accounts.createOrganisation(org, ctx.actor)
      ctx.out(`Organisatie ${org.id} aangemaakt.`)
    },
  },
  'user:add': {
    help: '--email ADRES --name NAAM --org ORG-ID [--password-stdin]',
    async run(ctx, flags) {
      const orgId = parse(id, text(flags, 'org'), 'org')
      if (!ctx.accounts.getOrganisation(orgId)) throw new UsageError(`Geen organisatie ${orgId}`)
      const address = parse(email, text(flags, 'email'), 'email')
      const { password, generated } = await passwordFrom(ctx, flags)
      const user = ctx.accounts.createUser(
        {
          email: address,
          name: text(flags, 'name'),
          organisationId: orgId,
          passwordHash: await hashPassword(password),
        },
        ctx.actor,
      )
      ctx.out(`Gebruiker ${user.email} aangemaakt.`)
      if (generated) ctx.out(`Tijdelijk wachtwoord: ${password}`)
    },
  },
  'user:password': {
    help: '--email ADRES [--password-stdin]   (beëindigt ook alle sessies)',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      const { password, generated } = await passwordFrom(ctx, flags)
      ctx.accounts.setPassword(user.id, await hashPassword(password), ctx.actor)
      const ended = ctx.sessions.revokeAllForUser(user.id)
      ctx.out(`Wachtwoord van ${user.email} opnieuw ingesteld; ${ended} sessie(s) beëindigd.`)
      if (generated) ctx.out(`Tijdelijk wachtwoord: ${password}`)
    },
  },
  'user:disable': {
    help: '--email ADRES',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      ctx.accounts.setDisabled(user.id, true, ctx.actor)
      ctx.sessions.revokeAllForUser(user.id)
      ctx.out(`Gebruiker ${user.email} geblokkeerd.`)
    },
  },
  'user:enable': {
    help: '--email ADRES',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      ctx.accounts.setDisabled(user.id, false, ctx.actor)
      ctx.out(`Gebruiker ${user.email} weer actief.`)
    },
  },
  'member:set': {
    help: '--email ADRES (--area ID | --province ID) --role auteur|meelezer|lezer [--signatory] [--trekker]',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      const role = text(flags, 'role')
      if (!isRole(role)) throw new UsageError(`--role: onbekende rol "${role}"`)
      const scope = scopeOf(flags)
      ctx.accounts.setMembership(
        user.id,
        { ...scope, role, signatory: flags.signatory === true, trekker: flags.trekker === true },
        ctx.actor,
      )
      ctx.out(`${user.email} is nu ${role} in ${scope.scope === 'area' ? 'gebied' : 'provincie'} ${scope.scopeId}.`)
    },
  },
  'member:remove': {
    help: '--email ADRES (--area ID | --province ID)',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      const scope = scopeOf(flags)
      const removed = ctx.accounts.removeMembership(user.id, scope.scope, scope.scopeId, ctx.actor)
      ctx.out(removed ? `Lidmaatschap van ${user.email} verwijderd.` : `${user.email} was daar geen lid.`)
    },
  },
  'session:revoke': {
    help: '--email ADRES',
    async run(ctx, flags) {
      const user = userByEmail(ctx, flags)
      ctx.out(`${ctx.sessions.revokeAllForUser(user.id)} sessie(s) van ${user.email} beëindigd.`)
    },
  },
  'doc:add': {
    help: '--id ID --kind ontwikkelperspectief|ruimtelijk-voorstel --title TITEL (--area ID | --province ID)',
    async run(ctx, flags) {
      const kind = text(flags, 'kind')
      if (!isDocumentKind(kind)) throw new UsageError(`--kind: onbekende soort "${kind}"`)
      const scope = scopeOf(flags)
      if ((kind === 'ontwikkelperspectief') !== (scope.scope === 'area')) {
        throw new UsageError(
          'Een ontwikkelperspectief hoort bij een --area, een ruimtelijk voorstel bij een --province',
        )
      }
      const docId = parse(id, text(flags, 'id'), 'id')
      const doc = new Y.Doc()
      const template = templateFor(kind)
      const ranks = initialRanks(template.length)
      doc.transact(() => {
        template.forEach((section, i) => {
          const rank = ranks[i]
          if (rank) createSection(doc, { title: section.title, rank, component: section.component })
        })
      })
      ctx.db.transaction(() => {
        ctx.catalog.create({
          id: docId,
          kind,
          title: text(flags, 'title'),
          areaId: scope.scope === 'area' ? scope.scopeId : null,
          provinceId: scope.scope === 'province' ? scope.scopeId : null,
        })
        ctx.store.compact(docId, Y.encodeStateAsUpdate(doc))
      })()
      ctx.out(`Document ${docId} aangemaakt met ${template.length} secties.`)
    },
  },
  backup: {
    help: '--to BESTAND   (veilig terwijl de server draait; de kopie wordt gecontroleerd)',
    async run(ctx, flags) {
      const target = text(flags, 'to')
      const summary = await backupTo(ctx.db, target)
      ctx.out(`Reservekopie ${target} gemaakt en gecontroleerd: ${summary.documents} document(en).`)
      for (const problem of summary.corrupt) ctx.out(`Let op, beschadigd (ongewijzigd gekopieerd): ${problem}`)
    },
  },
  list: {
    help: '   toont organisaties, gebruikers en lidmaatschappen',
    async run(ctx) {
      for (const org of ctx.accounts.listOrganisations()) ctx.out(`organisatie ${org.id}\t${org.kind}\t${org.name}`)
      for (const user of ctx.accounts.listUsers()) {
        const memberships = ctx.accounts
          .memberships(user.id)
          .map(
            (m) =>
              `${m.scope}:${m.scopeId}=${m.role}${m.signatory ? '+ondertekenaar' : ''}${m.trekker ? '+trekker' : ''}`,
          )
        ctx.out(
          `gebruiker ${user.email}\t${user.organisation.id}${user.disabled ? '\tgeblokkeerd' : ''}\t${memberships.join(' ')}`,
        )
      }
    },
  },
}
