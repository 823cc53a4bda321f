// Who joined and who left between two looks at the presence list. A person is counted by name and
// organisation, not by Yjs client id: a page that reconnects takes a fresh client id
// (collab/rotateClientId), and someone with two tabs open has two; neither is a join or a leave.
import type { Participant } from '../../collab/usePresence.ts'

export interface PresenceChanges {
  readonly joined: readonly string[]
  readonly left: readonly string[]
}

/** Person key → display name, for everyone but oneself. */
export function peopleOf(participants: readonly Participant[]): ReadonlyMap<string, string> {
  const people = new Map<string, string>()
  for (const p of participants) {
    if (p.isSelf) continue
    people.set(`${p.name}\u0000${p.organisation ?? ''}`, p.name)
  }
  return people
}

export function presenceChanges(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): PresenceChanges {
  const joined = [...after].filter(([key]) => !before.has(key)).map(([, name]) => name)
  const left = [...before].filter(([key]) => !after.has(key)).map(([, name]) => name)
  return { joined, left }
}
