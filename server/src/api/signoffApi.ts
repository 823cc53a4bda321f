// The sign-off API: sign, request, reopen, the overview with the ledger, the BO-MIRT readiness of a
// document, and the caller's refused changes. Rules live in shared (signoffRule) and in the service;
// this file only checks who is asking and shapes the answers.
import type { IncomingMessage, ServerResponse } from 'node:http'
import {
  isSectionHash,
  isSectionId,
  OPEN_SECTION,
  orderedSections,
  type SignoffOverview,
  sectionHash,
} from '@novex/shared'
import { z } from 'zod'
import type { AccountStore, User } from '../accounts/accountStore.ts'
import type { LinkService } from '../links/linkService.ts'
import type { DocumentCatalog, DocumentRecord } from '../persistence/documentCatalog.ts'
import { readiness } from '../signoff/readiness.ts'
import type { RefusedChangeStore } from '../signoff/refusedChanges.ts'
import { actorFor } from '../signoff/signers.ts'
import type { SignoffService, WithRoom } from '../signoff/signoffService.ts'
import { type Authorize, documentWithAccess } from './documentsApi.ts'
import { readJsonBody } from './readJsonBody.ts'
import { ApiError, sendJson } from './respond.ts'

export interface SignoffApiDeps {
  readonly catalog: DocumentCatalog
  readonly accounts: AccountStore
  readonly authorize: Authorize
  readonly signoffs: SignoffService
  readonly refused: RefusedChangeStore
  readonly withRoom: WithRoom
  readonly links: LinkService
}

const SignBody = z.object({ hash: z.string().refine(isSectionHash).optional() }).strict()
const ReopenBody = z.object({ reason: z.string().max(2_000) }).strict()

/** The document, when the user may open it; unknown and forbidden answer the same 404. */
export function openable(
  deps: Pick<SignoffApiDeps, 'catalog' | 'authorize'>,
  user: User,
  documentId: string,
): DocumentRecord {
  return documentWithAccess(deps.catalog, deps.authorize, user, documentId).record
}

function sectionParam(sectionId: string): string {
  if (!isSectionId(sectionId)) throw new ApiError(404, 'section_not_found', 'Dit onderdeel bestaat niet (meer).')
  return sectionId
}

export async function handleSign(
  deps: SignoffApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  sectionId: string,
): Promise<void> {
  const record = openable(deps, user, documentId)
  const body = await readJsonBody(req, SignBody)
  const actor = actorFor(deps.accounts, user, record)
  const state = await deps.signoffs.sign(record.id, sectionParam(sectionId), actor, body.hash ?? null)
  sendJson(res, 200, { state, locked: state.locked !== null })
}

export async function handleReopen(
  deps: SignoffApiDeps,
  user: User,
  req: IncomingMessage,
  res: ServerResponse,
  documentId: string,
  sectionId: string,
): Promise<void> {
  const record = openable(deps, user, documentId)
  const body = await readJsonBody(req, ReopenBody)
  const actor = actorFor(deps.accounts, user, record)
  const state = await deps.signoffs.reopen(record.id, sectionParam(sectionId), actor, body.reason)
  sendJson(res, 200, { state, reopened: state.locked === null })
}

export async function handleRequest(
  deps: SignoffApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
  sectionId: string,
): Promise<void> {
  const record = openable(deps, user, documentId)
  if (deps.authorize(user, record) !== 'edit')
    throw new ApiError(403, 'forbidden', 'Alleen wie het document bewerkt kan om ondertekening vragen.')
  const state = await deps.signoffs.request(record.id, sectionParam(sectionId), actorFor(deps.accounts, user, record))
  sendJson(res, 200, { state })
}

export async function handleOverview(
  deps: SignoffApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
): Promise<void> {
  const record = openable(deps, user, documentId)
  const actor = actorFor(deps.accounts, user, record)
  const body = await deps.withRoom(record.id, (room): SignoffOverview => {
    const states = deps.signoffs.states(record.id)
    const mismatched = new Set(deps.signoffs.verify(room).map((m) => m.sectionId))
    return {
      me: { side: actor.side, signatory: actor.side !== null },
      sections: orderedSections(room.doc).map((section) => ({
        sectionId: section.id,
        number: section.number,
        title: section.title.toString(),
        component: section.component,
        hash: sectionHash(section),
        state: states.get(section.id) ?? OPEN_SECTION,
        verified: !mismatched.has(section.id),
      })),
      ledger: deps.signoffs.ledger(record.id),
    }
  })
  sendJson(res, 200, body)
}

export async function handleReadiness(
  deps: SignoffApiDeps,
  user: User,
  res: ServerResponse,
  documentId: string,
): Promise<void> {
  const record = openable(deps, user, documentId)
  const body = await deps.withRoom(record.id, (room) => readiness(room.doc, deps.signoffs.states(record.id)))
  sendJson(res, 200, body)
}

export function handleRefusedChanges(deps: SignoffApiDeps, user: User, res: ServerResponse, documentId: string): void {
  const record = openable(deps, user, documentId)
  sendJson(res, 200, deps.refused.listFor(record.id, user.id))
}
