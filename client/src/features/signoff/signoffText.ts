// The words for sign-off states and ledger events, in one place: the status line under a section
// title, the state in the sign-off panel, the history and the live announcements all read from here,
// so they never say different things about the same state. Texts come from the `signoff` namespace of
// the catalogue through the `t` the caller passes; names, organisations and reasons are user content.
import { type Actor, LAPSE_REASONS, type LedgerEvent, type SectionSignoff, type SignSide } from '@novex/shared'
import type { TFunction } from 'i18next'
import { formatDate } from '../../i18n/formatDate.ts'

/** The first 8 hex digits of a `sha256:` hash, enough to compare by eye. */
export function shortHash(hash: string | null): string {
  if (!hash) return ''
  return hash.replace(/^sha256:/, '').slice(0, 8)
}

/** "het Rijk" / "de provincie", as a sentence names a side. */
export function sideName(t: TFunction, side: SignSide): string {
  return t(`signoff:side.${side}`)
}

export type SignoffStateKey = 'open' | 'half' | 'locked' | 'changed'

/**
 * The state of a section in one word. `verified` false (the server found a locked section whose
 * stored text differs from what was signed) counts as changed after signing.
 */
export function stateKeyOf(state: SectionSignoff, verified = true): SignoffStateKey {
  if (state.locked) return verified ? 'locked' : 'changed'
  if (state.signatures.length > 0) return 'half'
  if (state.lapsed.some((l) => l.reason === LAPSE_REASONS.changed)) return 'changed'
  return 'open'
}

/**
 * Why a signature lapsed. The ledger keeps the shared (Dutch) reason; the known ones are shown in the
 * interface language, anything else as it was recorded.
 */
export function lapseReason(t: TFunction, reason: string | null): string {
  if (reason === null || reason === LAPSE_REASONS.changed) return t('signoff:lapse.changed')
  if (reason === LAPSE_REASONS.reopened) return t('signoff:lapse.reopened')
  return reason
}

/** "Naam (Organisatie)"; for a lock the Rijk side is named "Rijk". */
function signerLabel(t: TFunction, actor: Actor, rijkAsSide: boolean): string {
  const organisation = rijkAsSide && actor.side === 'rijk' ? t('signoff:sideName.rijk') : actor.organisationName
  return t('signoff:status.signer', { name: actor.name, organisation })
}

/**
 * The lines shown under a section's title, most important first; empty for a section nobody has
 * signed or asked anything about.
 */
export function statusLines(t: TFunction, state: SectionSignoff): string[] {
  const lines: string[] = []
  const rijk = state.signatures.find((s) => s.signer.side === 'rijk')
  const provincie = state.signatures.find((s) => s.signer.side === 'provincie')
  if (state.locked && rijk && provincie) {
    lines.push(
      t('signoff:status.lockedBy', {
        rijk: signerLabel(t, rijk.signer, true),
        provincie: signerLabel(t, provincie.signer, false),
        date: formatDate(state.locked.at),
      }),
    )
  } else if (state.locked) {
    lines.push(t('signoff:status.lockedByBoth', { date: formatDate(state.locked.at) }))
  } else {
    for (const signature of state.signatures) {
      const other = signature.signer.side === 'rijk' ? 'provincie' : 'rijk'
      lines.push(
        t('signoff:status.waiting', { signer: signerLabel(t, signature.signer, false), other: sideName(t, other) }),
      )
    }
  }
  // A reopen lapses both signatures at once, as agreed: one calm line, not two "vervallen" warnings.
  const reopened = state.lapsed.filter((lapse) => lapse.reason === LAPSE_REASONS.reopened)
  const latestReopen = reopened.at(-1)
  if (latestReopen) lines.push(t('signoff:status.reopened', { date: formatDate(latestReopen.at) }))
  for (const lapse of state.lapsed) {
    if (lapse.reason === LAPSE_REASONS.reopened) continue
    lines.push(t('signoff:status.lapsed', { name: lapse.signature.signer.name, reason: lapseReason(t, lapse.reason) }))
  }
  if (state.reopenRequest) {
    lines.push(
      t('signoff:status.reopenRequest', { name: state.reopenRequest.by.name, reason: state.reopenRequest.reason }),
    )
  }
  if (!state.locked && state.signatures.length === 0 && state.requested) {
    lines.push(t('signoff:status.requested', { name: state.requested.by.name, date: formatDate(state.requested.at) }))
  }
  return lines
}

/** A short sentence for the live region when a section's sign-off state changes. */
export function announcementOf(
  t: TFunction,
  section: string,
  before: SectionSignoff | undefined,
  after: SectionSignoff,
): string {
  if (after.locked && !before?.locked) return t('signoff:announce.locked', { section })
  if (!after.locked && before?.locked) return t('signoff:announce.reopened', { section })
  if (after.reopenRequest && !before?.reopenRequest)
    return t('signoff:announce.reopenRequested', { section, name: after.reopenRequest.by.name })
  if (after.signatures.length > (before?.signatures.length ?? 0)) {
    const newest = after.signatures.at(-1)
    return newest
      ? t('signoff:announce.signedBy', {
          section,
          name: newest.signer.name,
          organisation: newest.signer.organisationName,
        })
      : t('signoff:announce.signed', { section })
  }
  if (after.lapsed.length > (before?.lapsed.length ?? 0)) {
    const lapse = after.lapsed.at(-1)
    return lapse
      ? t('signoff:announce.lapsedBy', {
          section,
          name: lapse.signature.signer.name,
          reason: lapseReason(t, lapse.reason),
        })
      : t('signoff:announce.lapsed', { section })
  }
  return ''
}

function actorLabel(t: TFunction, actor: Actor | null): string {
  return actor
    ? t('signoff:ledger.actor', { name: actor.name, organisation: actor.organisationName })
    : t('signoff:ledger.system')
}

function eventText(t: TFunction, event: LedgerEvent): string {
  const actor = actorLabel(t, event.actor)
  switch (event.kind) {
    case 'request':
      return t('signoff:ledger.request', { actor })
    case 'sign':
      return event.actor?.side
        ? t('signoff:ledger.signFor', { actor, side: sideName(t, event.actor.side) })
        : t('signoff:ledger.sign', { actor })
    case 'lapse':
      return event.side
        ? t('signoff:ledger.lapseOf', { side: sideName(t, event.side), reason: lapseReason(t, event.reason) })
        : t('signoff:ledger.lapse', { reason: lapseReason(t, event.reason) })
    case 'lock':
      return t('signoff:ledger.lock')
    case 'reopen-request':
      return t('signoff:ledger.reopenRequest', { actor, reason: event.reason ?? '' })
    case 'reopen':
      return event.reason
        ? t('signoff:ledger.reopenWithReason', { actor, reason: event.reason })
        : t('signoff:ledger.reopen', { actor })
  }
}

/** One ledger event as a sentence (without the date), with the short hash of the text it concerns. */
export function ledgerText(t: TFunction, event: LedgerEvent): string {
  const text = eventText(t, event)
  // Reopen events name the reason, not a text version.
  if (!event.hash || event.kind === 'reopen-request' || event.kind === 'reopen') return text
  return t('signoff:ledger.hash', { text, hash: shortHash(event.hash) })
}
