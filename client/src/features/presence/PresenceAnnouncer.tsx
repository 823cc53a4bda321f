// Tells screen-reader users, politely, when someone else opens or leaves the document (WCAG 4.1.3):
// the presence list changes silently otherwise. The people already there when the page has loaded
// are not announced one by one; the presence list says who they are.
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participant } from '../../collab/usePresence.ts'
import { peopleOf, presenceChanges } from './presenceChanges.ts'

/** After the first sync, how long presence may still trickle in before changes are news. */
const SETTLE_MS = 1_500

export interface PresenceAnnouncerProps {
  readonly participants: readonly Participant[]
  /** True once the document has synced with the server (awareness arrives with it). */
  readonly live: boolean
}

export function PresenceAnnouncer({ participants, live }: PresenceAnnouncerProps) {
  const { t } = useTranslation('presence')
  const [message, setMessage] = useState('')
  const [settled, setSettled] = useState(false)
  const known = useRef<ReadonlyMap<string, string>>(new Map())

  useEffect(() => {
    if (!live) return
    const timer = setTimeout(() => setSettled(true), SETTLE_MS)
    return () => clearTimeout(timer)
  }, [live])

  useEffect(() => {
    const people = peopleOf(participants)
    const { joined, left } = presenceChanges(known.current, people)
    known.current = people
    if (!settled || (joined.length === 0 && left.length === 0)) return
    const lines = [
      ...joined.map((name) => t('announce.joined', { name })),
      ...left.map((name) => t('announce.left', { name })),
    ]
    setMessage(lines.join(' '))
  }, [participants, settled, t])

  return (
    <div
      className="visually-hidden"
      role="status"
      aria-live="polite"
      data-testid="presence-announcer"
      // For tests and debugging: from now on a change is news.
      data-settled={settled ? 'true' : 'false'}
    >
      {message}
    </div>
  )
}
