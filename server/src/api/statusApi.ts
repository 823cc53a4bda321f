// The status decisions of an ontwikkelperspectief (status/statusService.ts), for the area's trekkers:
//   POST /api/documents/<id>/status/submit    { note? }              ter instemming aanbieden
//   POST /api/documents/<id>/status/withdraw  { reason }             de aanbieding intrekken
//   POST /api/documents/<id>/status/consent   { date, reference }    instemming van Rijk of regio
//   POST /api/documents/<id>/status/adopt     { date, reference }    vaststelling door Rijk of regio
// Each answers 200 { status, record }, and the adoption that makes it vastgesteld also { archived }: the
// dossier kept as PDF/A (status/adoptionArchive.ts), or null when it could not be made now (the server
// tries again on its own). Who decides, and for which side, comes from the session.
//   GET  /api/documents/<id>/archive         the kept dossiers: [{ id, name, format, size, sha256, … }]
//   GET  /api/documents/<id>/archive/state   { dossiers, pending }: the same, and why there is none yet
//   GET  /api/documents/<id>/archive/<n>     one of them, byte for byte as kept
//   POST /api/documents/<id>/archive         a trekker: try to make the missing dossier now; { dossiers, pending }
import type { IncomingMessage, ServerResponse } from 'node:http'
import { type ArchiveState, signSideOf } from '@novex/shared'
import { z } from 'zod'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import { commentRights, requireTrekker } from '../comments/commentRights.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { documentProvinces } from '../signoff/signers.ts'
import type { AdoptionArchive } from '../status/adoptionArchive.ts'
import type { ArchiveStore } from '../status/archiveStore.ts'
import type { StatusContext, StatusService } from '../status/statusService.ts'
import { type Authorize, documentWithAccess } from './documentsApi.ts'
import { readJsonBody } from './readJsonBody.ts'
import { ApiError, sendJson } from './respond.ts'

export interface StatusApiDeps {
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  readonly authorize: Authorize
  readonly status: StatusService
  readonly archive: AdoptionArchive
  readonly archives: ArchiveStore
}

const text = z.string().max(2_000)
const SubmitBody = z.object({ note: text.optional() }).strict()
const WithdrawBody = z.object({ reason: text }).strict()
const DecisionBody = z.object({ date: z.string().max(10), reference: text }).strict()

const ACTIONS = ['submit', 'withdraw', 'consent', 'adopt'] as const

function statusContext(
  deps: StatusApiDeps,
  user: User,
  documentId: string,
  what = 'een ontwikkelperspectief ter instemming aanbieden of een besluit erover vastleggen',
): StatusContext & { readonly record: DocumentRecord } {
  const { record, access } = documentWithAccess(deps.catalog, deps.authorize, user, documentId)
  if (record.kind !== 'ontwikkelperspectief')
    throw new ApiError(
      409,
      'no_status_process',
      'Instemming en vaststelling horen bij een ontwikkelperspectief, niet bij een ruimtelijk voorstel.',
    )
  requireTrekker(commentRights(deps.accounts, user, record, access), what)
  return {
    record,
    documentId: record.id,
    decider: {
      userId: user.id,
      name: user.name,
      organisationName: user.organisation.name,
      side: signSideOf(user.organisation, documentProvinces(record)),
    },
  }
}

/** Routes /api/documents/<id>/status/<action>; false when the path is not one of them. */
export async function routeStatus(
  deps: StatusApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
  method: string,
): Promise<boolean> {
  const [first, action] = rest
  if (first === 'archive' && method === 'GET') return routeArchive(deps, user, res, documentId, rest)
  if (first === 'archive' && rest.length === 1 && method === 'POST') return retryArchive(deps, user, res, documentId)
  if (first !== 'status' || rest.length !== 2 || !(ACTIONS as readonly (string | undefined)[]).includes(action))
    return false
  if (method !== 'POST') throw new ApiError(405, 'method_not_allowed', 'Deze actie is hier niet toegestaan.')
  const context = statusContext(deps, user, documentId)
  const { status, record } =
    action === 'submit'
      ? await deps.status.submit(context, (await readJsonBody(req, SubmitBody)).note ?? '')
      : action === 'withdraw'
        ? await deps.status.withdraw(context, (await readJsonBody(req, WithdrawBody)).reason)
        : await (async () => {
            const body = await readJsonBody(req, DecisionBody)
            return action === 'consent'
              ? deps.status.consent(context, body.date, body.reference)
              : deps.status.adopt(context, body.date, body.reference)
          })()
  // Both governments adopted it just now: keep the dossier (a failure is logged and retried on its own).
  const archived =
    action === 'adopt' && status === 'vastgesteld' ? await deps.archive.archive(context.record, user) : null
  sendJson(res, 200, { status, record, ...(action === 'adopt' ? { archived } : {}) })
  return true
}

function routeArchive(
  deps: StatusApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
  rest: readonly string[],
): boolean {
  const { record } = documentWithAccess(deps.catalog, deps.authorize, user, documentId)
  if (rest.length === 1) {
    sendJson(res, 200, deps.archives.list(record.id))
    return true
  }
  if (rest.length === 2 && rest[1] === 'state') {
    sendJson(res, 200, deps.archive.state(record.id) satisfies ArchiveState)
    return true
  }
  const id = Number(rest[1])
  const bytes = rest.length === 2 && Number.isInteger(id) ? deps.archives.bytes(record.id, id) : null
  if (bytes === null) throw new ApiError(404, 'not_found', 'Dit gearchiveerde dossier bestaat niet.')
  res.writeHead(200, {
    'content-type': 'application/pdf',
    'content-length': bytes.byteLength,
    'content-disposition': `attachment; filename="${record.id}-vastgesteld-${id}.pdf"`,
    'cache-control': 'no-store',
  })
  res.end(bytes)
  return true
}

/** The same rights as an adoption: a trekker of the area, on an ontwikkelperspectief. */
async function retryArchive(
  deps: StatusApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
): Promise<boolean> {
  const { record } = statusContext(deps, user, documentId, 'het archiefdossier opnieuw laten maken')
  const state = await deps.archive.retryNow(record, user)
  if (state === null)
    throw new ApiError(
      409,
      'not_adopted',
      'Er is nog geen dossier te archiveren: het ontwikkelperspectief is nog niet vastgesteld.',
    )
  sendJson(res, 200, state satisfies ArchiveState)
  return true
}
