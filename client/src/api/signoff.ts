// The sign-off endpoints of the server's HTTP API (docs/signoff.md): sign, reopen, ask to sign, the
// ledger and the BO-MIRT readiness of a document. JSON arrives as `unknown` and is checked here, at
// the edge; the sign-off states inside come from the same fold the server runs (shared), so they are
// checked for their shape, not re-derived.
import {
  type ComponentReadiness,
  isComponentKey,
  LEDGER_KINDS,
  type LedgerEvent,
  type LedgerKind,
  type Readiness,
  type SectionSignoff,
  type SectionSignoffSummary,
  SIGN_SIDES,
  type SignoffMe,
  type SignoffOverview,
  type SignSide,
} from '@novex/shared'
import { ApiError } from './documents.ts'
import { type ErrorFactory, isRecord, requestJson } from './request.ts'

/** An API error with the server's error code (`content_changed`, `locked`, …). */
export class SignoffApiError extends ApiError {
  readonly code: string
  constructor(status: number, code: string, message: string) {
    super(status, message)
    this.name = 'SignoffApiError'
    this.code = code
  }
}

/**
 * A section of the sign-off overview as the client reads it: the server's summary without `number`, which
 * is not read here (the panel numbers the sections from the live document).
 */
export type ClientSectionSignoffSummary = Omit<SectionSignoffSummary, 'number'>

/** The sign-off overview as the client reads it: its sections without their number. */
export interface ClientSignoffOverview extends Omit<SignoffOverview, 'sections'> {
  readonly sections: readonly ClientSectionSignoffSummary[]
}

const documentPath = (documentId: string): string => `/api/documents/${encodeURIComponent(documentId)}`
const sectionPath = (documentId: string, sectionId: string): string =>
  `${documentPath(documentId)}/sections/${encodeURIComponent(sectionId)}`

export async function fetchSignoffs(documentId: string, signal?: AbortSignal): Promise<ClientSignoffOverview> {
  const body = await requestJson('GET', `${documentPath(documentId)}/signoffs`, signoffError, { signal })
  const overview = parseOverview(body)
  if (!overview) throw unexpected()
  return overview
}

export async function fetchReadiness(documentId: string, signal?: AbortSignal): Promise<Readiness> {
  const readiness = parseReadiness(
    await requestJson('GET', `${documentPath(documentId)}/readiness`, signoffError, { signal }),
  )
  if (!readiness) throw unexpected()
  return readiness
}

/** Signs `hash`: the content the signatory sees. 409 `content_changed` when the server has other content. */
export async function signSection(
  documentId: string,
  sectionId: string,
  hash: string,
): Promise<{ state: SectionSignoff; locked: boolean }> {
  const body = await requestJson('POST', `${sectionPath(documentId, sectionId)}/signoff`, signoffError, {
    body: { hash },
  })
  if (!isRecord(body) || !isSignoffState(body.state)) throw unexpected()
  return { state: body.state, locked: body.locked === true }
}

/** Requests reopening, or confirms another side's request; `reopened` false = waiting for the other side. */
export async function reopenSection(
  documentId: string,
  sectionId: string,
  reason: string,
): Promise<{ state: SectionSignoff; reopened: boolean }> {
  const body = await requestJson('POST', `${sectionPath(documentId, sectionId)}/reopen`, signoffError, {
    body: { reason },
  })
  if (!isRecord(body) || !isSignoffState(body.state)) throw unexpected()
  return { state: body.state, reopened: body.reopened === true }
}

/** Asks the signatories to sign a section (any editor may). */
export async function requestSignoff(documentId: string, sectionId: string): Promise<SectionSignoff> {
  const body = await requestJson('POST', `${sectionPath(documentId, sectionId)}/signoff-request`, signoffError, {
    body: {},
  })
  if (!isRecord(body) || !isSignoffState(body.state)) throw unexpected()
  return body.state
}

/**
 * A failed sign-off (or links) request: the server's code (or `http_<status>`) and (Dutch) message, or an
 * empty message when it sent none. The client's texts are chosen by code and status where they are
 * shown (features/signoff/apiErrorText.ts), in the interface language.
 */
export const signoffError: ErrorFactory<SignoffApiError> = (status, code, message) =>
  new SignoffApiError(status, code ?? `http_${status}`, message)

const unexpected = (): SignoffApiError => new SignoffApiError(500, 'unexpected', '')

function parseOverview(value: unknown): ClientSignoffOverview | null {
  if (!isRecord(value) || !isRecord(value.me) || !Array.isArray(value.sections) || !Array.isArray(value.ledger))
    return null
  const side = value.me.side
  const me: SignoffMe = {
    side: isSignSide(side) ? side : null,
    signatory: value.me.signatory === true,
  }
  const sections: ClientSectionSignoffSummary[] = []
  for (const s of value.sections) {
    // The server sends the open state for a section without any ledger event, never null.
    if (!isRecord(s) || typeof s.sectionId !== 'string' || !isSignoffState(s.state)) continue
    sections.push({
      sectionId: s.sectionId,
      title: typeof s.title === 'string' ? s.title : '',
      component: isComponentKey(s.component) ? s.component : null,
      hash: typeof s.hash === 'string' ? s.hash : '',
      state: s.state,
      verified: s.verified !== false,
    })
  }
  return { me, sections, ledger: value.ledger.filter(isLedgerEvent) }
}

function parseReadiness(value: unknown): Readiness | null {
  if (!isRecord(value) || !Array.isArray(value.components)) return null
  const components: ComponentReadiness[] = []
  for (const c of value.components) {
    if (!isRecord(c) || !isComponentKey(c.component)) continue
    components.push({
      component: c.component,
      label: typeof c.label === 'string' ? c.label : c.component,
      sectionId: typeof c.sectionId === 'string' ? c.sectionId : null,
      present: c.present === true,
      nonEmpty: c.nonEmpty === true,
      signedRijk: c.signedRijk === true,
      signedProvincie: c.signedProvincie === true,
      locked: c.locked === true,
      openThreads:
        typeof c.openThreads === 'number' && Number.isInteger(c.openThreads) ? Math.max(0, c.openThreads) : 0,
      openThreadId: typeof c.openThreadId === 'string' ? c.openThreadId : null,
    })
  }
  return { ready: value.ready === true, components }
}

/** The shape of a `SectionSignoff` (the mirror and the API carry the same JSON). */
export function isSignoffState(value: unknown): value is SectionSignoff {
  return (
    isRecord(value) &&
    Array.isArray(value.signatures) &&
    Array.isArray(value.lapsed) &&
    (value.locked === null || isRecord(value.locked)) &&
    (value.reopenRequest === null || value.reopenRequest === undefined || isRecord(value.reopenRequest))
  )
}

function isLedgerEvent(value: unknown): value is LedgerEvent {
  return (
    isRecord(value) &&
    typeof value.seq === 'number' &&
    typeof value.sectionId === 'string' &&
    isLedgerKind(value.kind) &&
    typeof value.at === 'number'
  )
}

function isLedgerKind(value: unknown): value is LedgerKind {
  return typeof value === 'string' && (LEDGER_KINDS as readonly string[]).includes(value)
}

function isSignSide(value: unknown): value is SignSide {
  return typeof value === 'string' && (SIGN_SIDES as readonly string[]).includes(value)
}
