// The Dutch words for sign-off states and ledger events, in one place: the status line under a
// section title, the state in the sign-off panel, the history and the live announcements all read
// from here, so they never say different things about the same state.
import { type Actor, LAPSE_REASONS, type LedgerEvent, type SectionSignoff, type SignSide } from '@novex/shared'

const pad = (n: number): string => String(n).padStart(2, '0')

/** dd-mm-jjjj, in the browser's time zone. */
export function formatDate(at: number): string {
  const d = new Date(at)
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`
}

/** dd-mm-jjjj HH:mm */
export function formatDateTime(at: number): string {
  const d = new Date(at)
  return `${formatDate(at)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The first 8 hex digits of a `sha256:` hash, enough to compare by eye. */
export function shortHash(hash: string | null): string {
  if (!hash) return ''
  return hash.replace(/^sha256:/, '').slice(0, 8)
}

export const SIDE_NAME: Readonly<Record<SignSide, string>> = { rijk: 'het Rijk', provincie: 'de provincie' }

export type SignoffStateKey = 'open' | 'half' | 'locked' | 'changed'

export const STATE_LABEL: Readonly<Record<SignoffStateKey, string>> = {
  open: 'open',
  half: '1 van 2 ondertekend',
  locked: 'vergrendeld',
  changed: 'gewijzigd na ondertekening',
}

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

/** "Naam (Rijk)" for the Rijk side, "Naam (Organisatie)" for a province. */
function signerLabel(actor: Actor, rijkAsSide: boolean): string {
  return `${actor.name} (${rijkAsSide && actor.side === 'rijk' ? 'Rijk' : actor.organisationName})`
}

/**
 * The lines shown under a section's title, most important first; empty for a section nobody has
 * signed or asked anything about.
 */
export function statusLines(state: SectionSignoff): string[] {
  const lines: string[] = []
  const rijk = state.signatures.find((s) => s.signer.side === 'rijk')
  const provincie = state.signatures.find((s) => s.signer.side === 'provincie')
  if (state.locked && rijk && provincie) {
    lines.push(
      `Ondertekend door ${signerLabel(rijk.signer, true)} en ${signerLabel(provincie.signer, false)} op ${formatDate(state.locked.at)}`,
    )
  } else if (state.locked) {
    lines.push(`Ondertekend door beide partijen op ${formatDate(state.locked.at)}`)
  } else {
    for (const signature of state.signatures) {
      const other = signature.signer.side === 'rijk' ? 'provincie' : 'rijk'
      lines.push(
        `Ondertekend door ${signerLabel(signature.signer, false)} — wacht op ondertekening door ${SIDE_NAME[other]}`,
      )
    }
  }
  for (const lapse of state.lapsed) {
    lines.push(`Ondertekening door ${lapse.signature.signer.name} vervallen: ${lapse.reason}`)
  }
  if (state.reopenRequest) {
    lines.push(`Verzoek tot heropenen door ${state.reopenRequest.by.name}: ${state.reopenRequest.reason}`)
  }
  if (!state.locked && state.signatures.length === 0 && state.requested) {
    lines.push(`${state.requested.by.name} vraagt om ondertekening (${formatDate(state.requested.at)})`)
  }
  return lines
}

/** A short sentence for the live region when a section's sign-off state changes. */
export function announcementOf(
  sectionLabel: string,
  before: SectionSignoff | undefined,
  after: SectionSignoff,
): string {
  if (after.locked && !before?.locked) return `${sectionLabel} is vergrendeld: beide partijen hebben ondertekend.`
  if (!after.locked && before?.locked) return `${sectionLabel} is heropend en kan weer worden bewerkt.`
  if (after.reopenRequest && !before?.reopenRequest)
    return `${sectionLabel}: ${after.reopenRequest.by.name} vraagt om heropenen.`
  if (after.signatures.length > (before?.signatures.length ?? 0)) {
    const newest = after.signatures.at(-1)
    return newest
      ? `${sectionLabel} is ondertekend door ${newest.signer.name} (${newest.signer.organisationName}).`
      : `${sectionLabel} is ondertekend.`
  }
  if (after.lapsed.length > (before?.lapsed.length ?? 0)) {
    const lapse = after.lapsed.at(-1)
    return lapse
      ? `${sectionLabel}: ondertekening door ${lapse.signature.signer.name} vervallen (${lapse.reason}).`
      : `${sectionLabel}: een ondertekening is vervallen.`
  }
  return ''
}

function actorLabel(actor: Actor | null): string {
  return actor ? `${actor.name} (${actor.organisationName})` : 'Het systeem'
}

/** One ledger event as a Dutch sentence (without the date). */
export function ledgerText(event: LedgerEvent): string {
  const hash = event.hash ? ` — tekst ${shortHash(event.hash)}` : ''
  switch (event.kind) {
    case 'request':
      return `${actorLabel(event.actor)} vroeg om ondertekening${hash}`
    case 'sign':
      return `${actorLabel(event.actor)} ondertekende${event.actor?.side ? ` voor ${SIDE_NAME[event.actor.side]}` : ''}${hash}`
    case 'lapse':
      return `Ondertekening${event.side ? ` van ${SIDE_NAME[event.side]}` : ''} vervallen: ${event.reason ?? LAPSE_REASONS.changed}${hash}`
    case 'lock':
      return `Vergrendeld: beide partijen ondertekenden dezelfde tekst${hash}`
    case 'reopen-request':
      return `${actorLabel(event.actor)} vroeg om heropenen: ${event.reason ?? ''}`
    case 'reopen':
      return `${actorLabel(event.actor)} bevestigde het heropenen${event.reason ? `: ${event.reason}` : ''}`
  }
}
