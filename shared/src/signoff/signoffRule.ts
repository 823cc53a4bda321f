// The sign-off rule, in one place. A section locks when a Rijk signatory and a signatory of a province
// of the document's area have both signed the same content hash. Content that changes under a signature
// makes it lapse. Reopening a locked section takes both parties: one requests with a reason, a
// signatory of the other side confirms. Every step is an event in an append-only ledger; the state of a
// section is the fold of its events. The server decides which events to append (decide*), the fold is
// shared so that the server, the Y.Doc mirror and the API always agree.
import type { OrganisationKind } from '../roles.ts'

export const SIGN_SIDES = ['rijk', 'provincie'] as const
export type SignSide = (typeof SIGN_SIDES)[number]

export const LEDGER_KINDS = ['request', 'sign', 'lapse', 'lock', 'reopen-request', 'reopen'] as const
export type LedgerKind = (typeof LEDGER_KINDS)[number]

/** Why a signature lapsed. */
export const LAPSE_REASONS = {
  changed: 'gewijzigd na ondertekening',
  reopened: 'heropend',
} as const
export type LapseReason = (typeof LAPSE_REASONS)[keyof typeof LAPSE_REASONS]

/** Who did something, as recorded at that moment (names are kept, so the record stands in an archive). */
export interface Actor {
  readonly userId: string
  readonly name: string
  readonly organisationId: string
  readonly organisationName: string
  /** The side a signatory signs for; null for someone who is not a signatory of this document. */
  readonly side: SignSide | null
}

export interface LedgerEvent {
  readonly seq: number
  readonly sectionId: string
  readonly kind: LedgerKind
  /** Milliseconds since the epoch. */
  readonly at: number
  /** null when the server records it (a lapse on a change, the lock itself). */
  readonly actor: Actor | null
  readonly hash: string | null
  readonly reason: string | null
  /** For a lapse: the side whose signature lapsed. */
  readonly side: SignSide | null
}

export type NewLedgerEvent = Omit<LedgerEvent, 'seq' | 'at'>

export interface Signature {
  readonly signer: Actor & { readonly side: SignSide }
  readonly hash: string
  readonly at: number
}

export interface SectionSignoff {
  /** Signatures that stand, at most one per side. */
  readonly signatures: readonly Signature[]
  /** Set while the section is locked: the hash both signed. */
  readonly locked: { readonly hash: string; readonly at: number } | null
  /** Signatures that lapsed since the last lock or sign, with why: shown to the users. */
  readonly lapsed: readonly { readonly signature: Signature; readonly at: number; readonly reason: string }[]
  readonly reopenRequest: { readonly by: Actor; readonly reason: string; readonly at: number } | null
  /** Someone asked the signatories to sign. */
  readonly requested: { readonly by: Actor; readonly at: number } | null
}

export const OPEN_SECTION: SectionSignoff = {
  signatures: [],
  locked: null,
  lapsed: [],
  reopenRequest: null,
  requested: null,
}

/** The side a user's organisation signs for on a document whose provinces are given. */
export function signSideOf(
  organisation: { readonly kind: OrganisationKind; readonly provinceId: string | null },
  documentProvinces: readonly string[],
): SignSide | null {
  if (organisation.kind === 'rijk') return 'rijk'
  if (
    organisation.kind === 'provincie' &&
    organisation.provinceId &&
    documentProvinces.includes(organisation.provinceId)
  )
    return 'provincie'
  return null
}

export function applyLedgerEvent(state: SectionSignoff, event: LedgerEvent): SectionSignoff {
  switch (event.kind) {
    case 'request':
      return event.actor ? { ...state, requested: { by: event.actor, at: event.at } } : state
    case 'sign': {
      const signer = event.actor
      if (!signer || signer.side === null || event.hash === null) return state
      const signature: Signature = { signer: { ...signer, side: signer.side }, hash: event.hash, at: event.at }
      return {
        ...state,
        signatures: [...state.signatures.filter((s) => s.signer.side !== signer.side), signature],
        lapsed: state.lapsed.filter((l) => l.signature.signer.side !== signer.side),
      }
    }
    case 'lapse': {
      const gone = state.signatures.filter((s) => s.signer.side === event.side)
      return {
        ...state,
        signatures: state.signatures.filter((s) => s.signer.side !== event.side),
        lapsed: [
          ...state.lapsed,
          ...gone.map((signature) => ({ signature, at: event.at, reason: event.reason ?? LAPSE_REASONS.changed })),
        ],
      }
    }
    case 'lock':
      return event.hash === null
        ? state
        : { ...state, locked: { hash: event.hash, at: event.at }, lapsed: [], requested: null }
    case 'reopen-request':
      return event.actor
        ? { ...state, reopenRequest: { by: event.actor, reason: event.reason ?? '', at: event.at } }
        : state
    case 'reopen':
      return { ...state, locked: null, signatures: [], reopenRequest: null }
  }
}

export function foldLedger(events: readonly LedgerEvent[]): Map<string, SectionSignoff> {
  const states = new Map<string, SectionSignoff>()
  for (const event of events) {
    states.set(event.sectionId, applyLedgerEvent(states.get(event.sectionId) ?? OPEN_SECTION, event))
  }
  return states
}

export type Decision =
  | { readonly ok: true; readonly events: readonly NewLedgerEvent[] }
  | { readonly ok: false; readonly status: 403 | 409; readonly code: string; readonly message: string }

const refuse = (status: 403 | 409, code: string, message: string): Decision => ({ ok: false, status, code, message })

/** Signatures that no longer cover the current content lapse (never while locked: nothing changes then). */
export function decideLapses(sectionId: string, state: SectionSignoff, currentHash: string): NewLedgerEvent[] {
  if (state.locked) return []
  return state.signatures
    .filter((s) => s.hash !== currentHash)
    .map((s) => ({
      sectionId,
      kind: 'lapse' as const,
      actor: null,
      hash: s.hash,
      reason: LAPSE_REASONS.changed,
      side: s.signer.side,
    }))
}

export function decideSign(sectionId: string, state: SectionSignoff, signer: Actor, currentHash: string): Decision {
  const side = signer.side
  if (side === null) return refuse(403, 'not_signatory', 'U kunt voor dit document niet ondertekenen.')
  if (state.locked) return refuse(409, 'locked', 'Dit onderdeel is al door beide partijen ondertekend.')
  if (state.signatures.some((s) => s.signer.side === side && s.hash === currentHash))
    return refuse(409, 'already_signed', 'Uw organisatie heeft deze tekst al ondertekend.')
  const lapses = decideLapses(sectionId, state, currentHash)
  const sign: NewLedgerEvent = { sectionId, kind: 'sign', actor: signer, hash: currentHash, reason: null, side }
  const otherSigned = state.signatures.some((s) => s.signer.side !== side && s.hash === currentHash)
  const lock: NewLedgerEvent[] = otherSigned
    ? [{ sectionId, kind: 'lock', actor: null, hash: currentHash, reason: null, side: null }]
    : []
  return { ok: true, events: [...lapses, sign, ...lock] }
}

export function decideReopen(sectionId: string, state: SectionSignoff, signer: Actor, reason: string): Decision {
  const side = signer.side
  if (side === null) return refuse(403, 'not_signatory', 'Alleen een ondertekenaar kan heropenen.')
  if (!state.locked) return refuse(409, 'not_locked', 'Dit onderdeel is niet vergrendeld.')
  const request = state.reopenRequest
  if (!request) {
    if (reason.trim().length === 0) return refuse(409, 'reason_required', 'Geef een reden op voor het heropenen.')
    return {
      ok: true,
      events: [
        { sectionId, kind: 'reopen-request', actor: signer, hash: state.locked.hash, reason: reason.trim(), side },
      ],
    }
  }
  if (request.by.side === side)
    return refuse(
      409,
      'waiting_for_other_side',
      'Het verzoek tot heropenen wacht op een ondertekenaar van de andere partij.',
    )
  const lapses: NewLedgerEvent[] = state.signatures.map((s) => ({
    sectionId,
    kind: 'lapse',
    actor: null,
    hash: s.hash,
    reason: LAPSE_REASONS.reopened,
    side: s.signer.side,
  }))
  const reopen: NewLedgerEvent = {
    sectionId,
    kind: 'reopen',
    actor: signer,
    hash: state.locked.hash,
    reason: reason.trim() || request.reason,
    side,
  }
  return { ok: true, events: [...lapses, reopen] }
}

export function decideRequest(sectionId: string, state: SectionSignoff, actor: Actor, currentHash: string): Decision {
  if (state.locked) return refuse(409, 'locked', 'Dit onderdeel is al door beide partijen ondertekend.')
  return { ok: true, events: [{ sectionId, kind: 'request', actor, hash: currentHash, reason: null, side: null }] }
}

export function isLocked(state: SectionSignoff | undefined): boolean {
  return state?.locked != null
}
