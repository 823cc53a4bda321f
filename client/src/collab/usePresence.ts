// Who is in the document, from the shared awareness: name, colour and the section each person is in.
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'

export interface Participant {
  readonly clientId: number
  readonly name: string
  readonly color: string
  /** Set by the server from the login session, once it stamps presence. */
  readonly organisation: string | null
  readonly section: string | null
  readonly isSelf: boolean
}

export function usePresence(awareness: Awareness | null): readonly Participant[] {
  const [participants, setParticipants] = useState<readonly Participant[]>([])

  useEffect(() => {
    if (awareness === null) {
      setParticipants([])
      return
    }
    let lastKey = ''
    const refresh = (): void => {
      const next = readParticipants(awareness)
      // Carets move on every keystroke; re-render only when the list itself changed.
      const key = JSON.stringify(next)
      if (key === lastKey) return
      lastKey = key
      setParticipants(next)
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])

  return participants
}

function readParticipants(awareness: Awareness): Participant[] {
  const out: Participant[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user = isRecord(state.user) ? state.user : null
    if (user === null || typeof user.name !== 'string') return
    out.push({
      clientId,
      name: user.name,
      color: typeof user.color === 'string' ? user.color : '#5a5a5a',
      organisation: typeof user.organisation === 'string' && user.organisation !== '' ? user.organisation : null,
      section: typeof state.section === 'string' ? state.section : null,
      isSelf: clientId === awareness.clientID,
    })
  })
  return out.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'nl'))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
