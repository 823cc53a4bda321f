// The decisions that move an ontwikkelperspectief past its third ijkmoment (@novex/shared
// documentStatus.ts): a trekker submits it for consent at the BOL/BO-MIRT once round 3 is closed and all
// eight components are signed by both parties, or withdraws that submission with a reason; then a trekker
// of each side records the consent (the meeting) and, after that, their government's adoption (the
// decision). Each decision is written into the document's server-owned meta map through the room's
// commit path (on disk before the answer) and into the audit log.
import {
  type DocumentStatus,
  documentStatus,
  metaMap,
  readReview,
  readStatusRecord,
  SIDE_NAMES,
  type SignSide,
  STATUS_KEY,
  STATUS_LIMITS,
  type StatusDecider,
  type StatusDecision,
  type StatusRecord,
  sidesThatDecided,
} from '@novex/shared'
import * as Y from 'yjs'
import type { Audit } from '../accounts/audit.ts'
import { ApiError } from '../api/respond.ts'
import type { VersionStore } from '../review/versionStore.ts'
import { commitServerChange, requireCommitted } from '../rooms/requireCommitted.ts'
import type { Room } from '../rooms/room.ts'
import { readiness } from '../signoff/readiness.ts'
import type { SignoffService, WithRoom } from '../signoff/signoffService.ts'
import { dutchDay } from './dutchDay.ts'

export interface StatusContext {
  readonly documentId: string
  /** The trekker deciding, with the side their organisation decides for (null: neither Rijk nor province). */
  readonly decider: StatusDecider
}

/** A decision recorded: the document's status after it, and the whole record. */
export interface StatusOutcome {
  readonly status: DocumentStatus
  readonly record: StatusRecord
}

export interface StatusServiceDeps {
  readonly withRoom: WithRoom
  readonly versions: Pick<VersionStore, 'save'>
  readonly signoffs: Pick<SignoffService, 'states'>
  readonly audit: Audit
  readonly now?: () => number
  /** After a decision is recorded (for e-mail); must not throw. */
  readonly onDecision?: (documentId: string, decision: StatusDecision, reached: DocumentStatus) => void
}

/** The named versions stored when a document reaches these steps ("Ter instemming aangeboden", "Vastgesteld"). */
const MILESTONES: Partial<Record<DocumentStatus, 'submitted' | 'adopted'>> = {
  'ter-instemming': 'submitted',
  vastgesteld: 'adopted',
}

const conflict = (code: string, message: string): ApiError => new ApiError(409, code, message)

interface SideDecisionRule {
  readonly kind: 'consented' | 'adopted'
  /** The status it is recorded in. */
  readonly during: DocumentStatus
  readonly notNow: { readonly code: string; readonly message: string }
  readonly referenceRequired: string
}

const SIDE_DECISIONS: Record<SideDecisionRule['kind'], SideDecisionRule> = {
  consented: {
    kind: 'consented',
    during: 'ter-instemming',
    notNow: {
      code: 'not_submitted',
      message: 'Instemming kan alleen worden vastgelegd als het document ter instemming ligt.',
    },
    referenceRequired: 'Noem het overleg (bijvoorbeeld "BO-MIRT najaar 2026").',
  },
  adopted: {
    kind: 'adopted',
    during: 'onderschreven',
    notNow: {
      code: 'not_consented',
      message: 'Vaststelling kan alleen worden vastgelegd nadat Rijk en regio hebben ingestemd.',
    },
    referenceRequired: 'Noem het besluit (bijvoorbeeld "Besluit GS 2026-123").',
  },
}

/** A note or reference: plain text on one line, trimmed, bounded. */
function cleanNote(raw: string, required: { code: string; message: string } | null): string {
  const note = raw.replace(/[\p{Cc}\p{Bidi_Control}]/gu, ' ').trim()
  if (required !== null && note === '') throw new ApiError(400, required.code, required.message)
  if (note.length > STATUS_LIMITS.noteChars)
    throw new ApiError(400, 'note_too_long', `Gebruik hoogstens ${STATUS_LIMITS.noteChars} tekens.`)
  return note
}

/** A real calendar day, yyyy-mm-dd, not after today. */
function meetingDate(raw: string, today: string): string {
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(raw) && new Date(`${raw}T00:00:00Z`).toISOString().startsWith(raw)
  if (!valid) throw new ApiError(400, 'invalid_date', 'Vul een geldige datum in (dd-mm-jjjj).')
  if (raw > today)
    throw new ApiError(400, 'future_date', 'Deze datum ligt in de toekomst. Leg het besluit vast na afloop.')
  return raw
}

export function createStatusService(deps: StatusServiceDeps) {
  const now = deps.now ?? Date.now
  // A meeting or decision cannot lie after today, in the Netherlands.
  const today = (): string => dutchDay(now())

  const decide = (
    context: StatusContext,
    work: (room: Room, status: DocumentStatus, record: StatusRecord) => Omit<StatusDecision, 'at' | 'by'>,
  ): Promise<StatusOutcome> =>
    deps.withRoom(context.documentId, (room) => {
      requireCommitted(room)
      const record = readStatusRecord(room.doc)
      const status = documentStatus(readReview(room.doc), record)
      const decision: StatusDecision = { ...work(room, status, record), at: now(), by: context.decider }
      const next: StatusRecord = { decisions: [...record.decisions, decision] }
      commitServerChange(room, (doc) => metaMap(doc).set(STATUS_KEY, next))
      // What was submitted, and what both governments adopted, stay readable and comparable as named
      // versions (Versiegeschiedenis), apart from later compaction (Archiefwet).
      const reached = documentStatus(readReview(room.doc), next)
      const milestone = reached === status ? undefined : MILESTONES[reached]
      if (milestone !== undefined) {
        const createdBy = `${context.decider.name} (${context.decider.organisationName})`
        deps.versions.save(
          context.documentId,
          { kind: milestone, round: null, createdBy },
          Y.encodeStateAsUpdate(room.doc),
        )
      }
      deps.audit({
        actor: context.decider.userId,
        action: `document.${decision.kind}`,
        subject: context.documentId,
        details: { side: decision.by.side, date: decision.date, note: decision.note },
      })
      deps.onDecision?.(context.documentId, decision, reached)
      return { status: reached, record: next }
    })

  /** The side of a consent or adoption, once per side per submission. */
  const sideFor = (context: StatusContext, record: StatusRecord, kind: 'consented' | 'adopted'): SignSide => {
    const side = context.decider.side
    if (side === null)
      throw new ApiError(
        403,
        'no_side',
        'Alleen een trekker van het Rijk of van een provincie van dit gebied kan dit vastleggen.',
      )
    if (sidesThatDecided(record, kind).has(side))
      throw conflict('already_recorded', `Dit is voor ${SIDE_NAMES[side]} al vastgelegd.`)
    return side
  }

  /** A consent or an adoption: in its status, once per side, on a real past day, with its meeting or decision. */
  const sideDecision = (context: StatusContext, rule: SideDecisionRule, date: string, reference: string) =>
    decide(context, (_room, status, record) => {
      if (status !== rule.during) throw conflict(rule.notNow.code, rule.notNow.message)
      sideFor(context, record, rule.kind)
      return {
        kind: rule.kind,
        date: meetingDate(date, today()),
        note: cleanNote(reference, { code: 'reference_required', message: rule.referenceRequired }),
      }
    })

  return {
    submit: (context: StatusContext, note: string) =>
      decide(context, (room, status) => {
        const review = readReview(room.doc)
        if (status !== 'ijkmoment-3' || review.active !== null)
          throw conflict(
            'not_after_ijkmoment_3',
            'Een document kan ter instemming worden aangeboden als IJkmoment 3 is afgesloten.',
          )
        if (!readiness(room.doc, deps.signoffs.states(context.documentId)).ready)
          throw conflict(
            'not_ready',
            'Nog niet alle acht verplichte onderdelen zijn door het Rijk en de provincie ondertekend. Zie "Gereed voor BO-MIRT?".',
          )
        return { kind: 'submitted', date: null, note: cleanNote(note, null) }
      }),

    withdraw: (context: StatusContext, reason: string) =>
      decide(context, (_room, status) => {
        if (status !== 'ter-instemming')
          throw conflict(
            status === 'onderschreven' || status === 'vastgesteld' ? 'already_consented' : 'not_submitted',
            status === 'onderschreven' || status === 'vastgesteld'
              ? 'Rijk en regio hebben al ingestemd; de aanbieding kan niet meer worden ingetrokken.'
              : 'Dit document ligt niet ter instemming.',
          )
        return {
          kind: 'withdrawn',
          date: null,
          note: cleanNote(reason, { code: 'reason_required', message: 'Geef een reden op.' }),
        }
      }),

    consent: (context: StatusContext, date: string, reference: string) =>
      sideDecision(context, SIDE_DECISIONS.consented, date, reference),

    adopt: (context: StatusContext, date: string, reference: string) =>
      sideDecision(context, SIDE_DECISIONS.adopted, date, reference),
  }
}

export type StatusService = ReturnType<typeof createStatusService>
