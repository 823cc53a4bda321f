import { useCallback, useMemo, useState } from 'react'
import { type LocalUser, loadUserName, localUserFor, saveUserName } from './localUser.ts'

/** This browser's display name and colour; the setter stores the name in localStorage. */
export function useLocalUser(): readonly [LocalUser, (name: string) => void] {
  const [name, setName] = useState(() => loadUserName(window.localStorage))
  const update = useCallback((next: string) => {
    saveUserName(window.localStorage, next)
    setName(next)
  }, [])
  const user = useMemo(() => localUserFor(name), [name])
  return [user, update] as const
}
