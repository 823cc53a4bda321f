// The display name this browser uses in a document (kept in localStorage) and its caret colour.
export interface LocalUser {
  readonly name: string
  readonly color: string
}

export const USER_NAME_KEY = 'novex:userName'

/** Six-digit colours (y-prosemirror carets need them), each with at least 4.5:1 contrast to white text. */
const CARET_COLORS = ['#1f5fa6', '#a4262c', '#0b7a75', '#8b2a8b', '#3b6e22', '#b3541e', '#5c2d91', '#8a5a00', '#c2185b']

export function loadUserName(storage: Storage): string {
  const stored = storage.getItem(USER_NAME_KEY)?.trim()
  if (stored) return stored
  const name = `Gast ${Math.floor(100 + Math.random() * 900)}`
  storage.setItem(USER_NAME_KEY, name)
  return name
}

export function saveUserName(storage: Storage, name: string): void {
  storage.setItem(USER_NAME_KEY, name)
}

/** Stable per name, so one person has the same colour in every tab and for every colleague. */
export function colorForName(name: string): string {
  let hash = 0
  for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0
  return CARET_COLORS[hash % CARET_COLORS.length] ?? '#1f5fa6'
}

export function localUserFor(name: string): LocalUser {
  return { name, color: colorForName(name) }
}
