// Who is in the document and in which section ("Naam, Organisatie — § 3 Titel"). Names, organisations
// and section titles are user content (translate="no"); the rest comes from the catalogue.
import type { OrderedSection } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import type { Participant } from '../../collab/usePresence.ts'

export interface PresenceListProps {
  readonly participants: readonly Participant[]
  readonly sections: readonly OrderedSection[]
}

export function PresenceList({ participants, sections }: PresenceListProps) {
  const { t } = useTranslation('presence')
  const byId = new Map<string, OrderedSection>(sections.map((s) => [s.id, s]))
  const whereIs = (sectionId: string | null) => {
    const section = sectionId === null ? undefined : byId.get(sectionId)
    if (!section) return t('list.nowhere')
    const title = section.title.toString()
    return title === '' ? (
      t('list.inSection', { number: section.number, title: t('list.untitled') })
    ) : (
      <>
        {`§ ${section.number} `}
        <span translate="no">{title}</span>
      </>
    )
  }
  return (
    <ul className="presence-list" data-testid="presence" aria-label={t('list.label')}>
      {participants.map((p) => (
        <li key={p.clientId} className="presence-list__person" data-client-id={p.clientId}>
          <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
          <span className="presence-list__text">
            <span className="presence-list__name">
              <span translate="no">{p.name}</span>
              {p.isSelf && <span className="presence-list__self"> {t('list.self')}</span>}
            </span>
            {p.organisation && (
              <span className="presence-list__organisation">
                {', '}
                <span translate="no">{p.organisation}</span>
              </span>
            )}
            {' — '}
            <span className="presence-list__where">{whereIs(p.section)}</span>
          </span>
        </li>
      ))}
    </ul>
  )
}
