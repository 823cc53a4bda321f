// Who is in the document and in which section ("Naam — § 3 Titel").
import type { OrderedSection } from '@novex/shared'
import type { Participant } from '../../collab/usePresence.ts'

export interface PresenceListProps {
  readonly participants: readonly Participant[]
  readonly sections: readonly OrderedSection[]
}

export function PresenceList({ participants, sections }: PresenceListProps) {
  const byId = new Map<string, OrderedSection>(sections.map((s) => [s.id, s]))
  const whereIs = (sectionId: string | null): string => {
    const section = sectionId === null ? undefined : byId.get(sectionId)
    if (!section) return 'nog niet in een sectie'
    return `§ ${section.number} ${section.title.toString() || 'Zonder titel'}`
  }
  return (
    <ul className="presence-list" data-testid="presence" aria-label="Aanwezig in dit document">
      {participants.map((p) => (
        <li key={p.clientId} className="presence-list__person" data-client-id={p.clientId}>
          <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
          <span className="presence-list__text">
            <span className="presence-list__name">
              {p.name}
              {p.isSelf && <span className="presence-list__self"> (u)</span>}
            </span>
            {p.organisation && <span className="presence-list__organisation">, {p.organisation}</span>}
            {' — '}
            <span className="presence-list__where">{whereIs(p.section)}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
