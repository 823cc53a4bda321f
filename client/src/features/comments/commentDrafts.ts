// What a person typed in a comment form and has not sent yet: a new thread, a reply or an edit. It is
// kept in the browser (localStorage) on every change, so it survives what closes the form without
// sending it: Escape, another page of the app (react-router unmounts the document page), a filter that
// hides the card, a reload, the idle timeout's way to the login page, a crash. Only sending it or
// choosing "Annuleren" forgets it. The document's own text has its local copy (IndexedDB); a comment
// exists nowhere else until the server has it, hence this.
//
// One entry per form, keyed by user and document (the same browser may be used by colleagues, and a
// draft belongs to its writer) and by where the form is: a new thread by its section and anchor, a reply
// by its thread, an edit by its message. Entries older than DRAFT_LIFETIME_MS are dropped.
import type { CommentAnchor } from '@novex/shared'

/** Where a new thread's form is: enough to show that form again without its editor's selection. */
export interface NewThreadTarget {
  readonly sectionId: string
  readonly anchor: CommentAnchor
  readonly quote: string
  /** The selected text when wording can be proposed for it (plain text in one paragraph), else null. */
  readonly suggestable: string | null
}

export type DraftPlace =
  | { readonly kind: 'thread'; readonly target: NewThreadTarget }
  | { readonly kind: 'reply'; readonly threadId: string }
  | { readonly kind: 'edit'; readonly messageId: string }

/** What the form holds. */
export interface DraftText {
  readonly body: string
  /** A new thread's proposed wording ("Tekst voorstellen" ticked), else null. */
  readonly suggestion: string | null
}

export interface CommentDraft extends DraftText {
  readonly place: DraftPlace
  /**
   * Whether the form was open when it was last kept: the page left while writing shows the form again
   * on return; after Escape the form stays closed and says a draft is kept.
   */
  readonly open: boolean
  readonly savedAt: number
}

export interface CommentDrafts {
  read(place: DraftPlace): CommentDraft | null
  /** False when the browser refused to keep it (storage full or switched off): the form must stay. */
  keep(place: DraftPlace, text: DraftText, open: boolean): boolean
  discard(place: DraftPlace): void
  /** The new threads being written in a section, the most recently changed first. */
  newThreadsIn(sectionId: string): readonly CommentDraft[]
}

export interface DraftScope {
  readonly userId: string
  readonly documentId: string
}

const PREFIX = 'novex:comment-draft:'
/** Long enough for a holiday; a draft no one came back to in that time is not missed. */
export const DRAFT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000

/**
 * Whether the form holds text of the person's own, compared with what it opened with (empty for a new
 * thread or a reply, the message for an edit; a ticked suggestion that still reads as the selected
 * text is not their own text). Only such text is worth keeping, or asking about.
 */
export function hasOwnText(
  text: DraftText,
  start: { readonly body: string; readonly suggestable: string | null },
): boolean {
  return text.body.trim() !== start.body.trim() || (text.suggestion !== null && text.suggestion !== start.suggestable)
}

export function samePlace(a: DraftPlace, b: DraftPlace): boolean {
  return placeKey(a) === placeKey(b)
}

function placeKey(place: DraftPlace): string {
  switch (place.kind) {
    case 'thread':
      return `thread:${place.target.sectionId}:${place.target.anchor.start}:${place.target.anchor.end}`
    case 'reply':
      return `reply:${place.threadId}`
    case 'edit':
      return `edit:${place.messageId}`
  }
}

/**
 * The drafts of one user in one document. `storage` is null where the browser offers none (then
 * nothing is kept, and `keep` says so). Expired entries of any user are dropped here, once.
 */
export function commentDrafts(storage: Storage | null, scope: DraftScope, now: () => number = Date.now): CommentDrafts {
  const scopePrefix = `${PREFIX}${scope.userId}:${scope.documentId}:`
  const keyOf = (place: DraftPlace): string => scopePrefix + placeKey(place)
  if (storage !== null) dropExpired(storage, now())

  const readKey = (key: string): CommentDraft | null => {
    const raw = safely(() => storage?.getItem(key) ?? null, null)
    return raw === null ? null : parseDraft(raw)
  }

  return {
    read: (place) => readKey(keyOf(place)),
    keep(place, text, open) {
      if (storage === null) return false
      const draft: CommentDraft = { place, body: text.body, suggestion: text.suggestion, open, savedAt: now() }
      return safely(() => {
        storage.setItem(keyOf(place), JSON.stringify(draft))
        return true
      }, false)
    },
    discard(place) {
      safely(() => storage?.removeItem(keyOf(place)), undefined)
    },
    newThreadsIn(sectionId) {
      if (storage === null) return []
      const found: CommentDraft[] = []
      for (const key of keysStartingWith(storage, `${scopePrefix}thread:${sectionId}:`)) {
        const draft = readKey(key)
        if (draft?.place.kind === 'thread' && draft.place.target.sectionId === sectionId) found.push(draft)
      }
      return found.sort((a, b) => b.savedAt - a.savedAt)
    },
  }
}

function dropExpired(storage: Storage, now: number): void {
  for (const key of keysStartingWith(storage, PREFIX)) {
    const raw = safely(() => storage.getItem(key), null)
    const draft = raw === null ? null : parseDraft(raw)
    if (draft === null || now - draft.savedAt > DRAFT_LIFETIME_MS) safely(() => storage.removeItem(key), undefined)
  }
}

function keysStartingWith(storage: Storage, prefix: string): string[] {
  return safely(() => {
    const keys: string[] = []
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
    return keys
  }, [])
}

/** Storage throws when it is full or switched off: then nothing is kept, and the caller is told. */
function safely<T>(action: () => T, fallback: T): T {
  try {
    return action()
  } catch {
    return fallback
  }
}

function parseDraft(raw: string): CommentDraft | null {
  const value = safely<unknown>(() => JSON.parse(raw), null)
  if (!isRecord(value)) return null
  const { place, body, suggestion, open, savedAt } = value
  if (typeof body !== 'string' || typeof open !== 'boolean' || typeof savedAt !== 'number') return null
  if (suggestion !== null && typeof suggestion !== 'string') return null
  const parsedPlace = parsePlace(place)
  return parsedPlace === null ? null : { place: parsedPlace, body, suggestion, open, savedAt }
}

function parsePlace(value: unknown): DraftPlace | null {
  if (!isRecord(value)) return null
  if (value.kind === 'reply' && typeof value.threadId === 'string') return { kind: 'reply', threadId: value.threadId }
  if (value.kind === 'edit' && typeof value.messageId === 'string') return { kind: 'edit', messageId: value.messageId }
  if (value.kind !== 'thread' || !isRecord(value.target)) return null
  const { sectionId, anchor, quote, suggestable } = value.target
  if (typeof sectionId !== 'string' || typeof quote !== 'string') return null
  if (suggestable !== null && typeof suggestable !== 'string') return null
  if (!isRecord(anchor) || typeof anchor.start !== 'string' || typeof anchor.end !== 'string') return null
  return { kind: 'thread', target: { sectionId, anchor: { start: anchor.start, end: anchor.end }, quote, suggestable } }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}
