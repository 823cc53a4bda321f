import { describe, expect, it } from 'vitest'
import {
  commentDrafts,
  DRAFT_LIFETIME_MS,
  type DraftPlace,
  hasOwnText,
  type NewThreadTarget,
  samePlace,
} from './commentDrafts.ts'

/** The part of the browser's Storage the drafts use, over a Map; `full` makes it refuse writes. */
class MemoryStorage implements Storage {
  readonly items = new Map<string, string>()
  full = false
  get length(): number {
    return this.items.size
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    this.items.set(key, value)
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  clear(): void {
    this.items.clear()
  }
}

const scope = { userId: 'u-anne', documentId: 'doc-1' }
const targetAt = (start: string, sectionId = 's-1'): NewThreadTarget => ({
  sectionId,
  anchor: { start, end: `${start}-end` },
  quote: `tekst bij ${start}`,
  suggestable: null,
})
const threadAt = (start: string, sectionId = 's-1'): DraftPlace => ({
  kind: 'thread',
  target: targetAt(start, sectionId),
})
const reply: DraftPlace = { kind: 'reply', threadId: 't-1' }
const text = (body: string, suggestion: string | null = null) => ({ body, suggestion })

describe('commentDrafts', () => {
  it('keeps a draft per place until it is discarded', () => {
    const storage = new MemoryStorage()
    const drafts = commentDrafts(storage, scope, () => 1000)
    expect(drafts.keep(reply, text('Een lange reactie die ik niet kwijt wil raken.'), false)).toBe(true)
    expect(drafts.read(reply)).toEqual({
      place: reply,
      body: 'Een lange reactie die ik niet kwijt wil raken.',
      suggestion: null,
      open: false,
      savedAt: 1000,
    })
    expect(drafts.read({ kind: 'reply', threadId: 't-2' })).toBeNull()
    expect(drafts.read({ kind: 'edit', messageId: 't-1' })).toBeNull()
    drafts.discard(reply)
    expect(drafts.read(reply)).toBeNull()
    expect(storage.length).toBe(0)
  })

  it('survives a new page: what one page kept, the next one reads', () => {
    const storage = new MemoryStorage()
    const place = threadAt('AAE=')
    commentDrafts(storage, scope).keep(place, text('Graag een kaart.', 'nieuwe tekst'), true)
    const again = commentDrafts(storage, scope).read(place)
    expect(again).toMatchObject({ place, body: 'Graag een kaart.', suggestion: 'nieuwe tekst', open: true })
  })

  it('keeps drafts apart per user and per document', () => {
    const storage = new MemoryStorage()
    commentDrafts(storage, scope).keep(reply, text('van Anne'), true)
    expect(commentDrafts(storage, { ...scope, userId: 'u-bert' }).read(reply)).toBeNull()
    expect(commentDrafts(storage, { ...scope, documentId: 'doc-2' }).read(reply)).toBeNull()
    expect(commentDrafts(storage, scope).read(reply)?.body).toBe('van Anne')
  })

  it('lists the new threads being written in one section, newest first', () => {
    const storage = new MemoryStorage()
    let now = 0
    const drafts = commentDrafts(storage, scope, () => now)
    now = 1
    drafts.keep(threadAt('A'), text('eerste'), false)
    now = 2
    drafts.keep(threadAt('B'), text('tweede'), false)
    now = 3
    drafts.keep(threadAt('C', 's-2'), text('elders'), false)
    drafts.keep(reply, text('antwoord'), false)
    expect(drafts.newThreadsIn('s-1').map((d) => d.body)).toEqual(['tweede', 'eerste'])
    expect(drafts.newThreadsIn('s-2').map((d) => d.body)).toEqual(['elders'])
    // A section whose id starts like another's is not mixed up with it.
    expect(drafts.newThreadsIn('s')).toEqual([])
  })

  it('says so when the browser refuses to keep it, and reads nothing without storage', () => {
    const storage = new MemoryStorage()
    storage.full = true
    expect(commentDrafts(storage, scope).keep(reply, text('tekst'), false)).toBe(false)
    const none = commentDrafts(null, scope)
    expect(none.keep(reply, text('tekst'), false)).toBe(false)
    expect(none.read(reply)).toBeNull()
    expect(none.newThreadsIn('s-1')).toEqual([])
  })

  it('drops drafts older than their lifetime, and damaged entries', () => {
    const storage = new MemoryStorage()
    commentDrafts(storage, scope, () => 0).keep(reply, text('oud'), false)
    commentDrafts(storage, scope, () => 10).keep({ kind: 'edit', messageId: 'm-1' }, text('jonger'), false)
    storage.setItem('novex:comment-draft:u-anne:doc-1:reply:t-9', '{niet leesbaar')
    storage.setItem('novex:language', 'nl')
    const drafts = commentDrafts(storage, scope, () => DRAFT_LIFETIME_MS + 5)
    expect(drafts.read(reply)).toBeNull()
    expect(drafts.read({ kind: 'edit', messageId: 'm-1' })?.body).toBe('jonger')
    // Only its own entries: the rest of the page's storage is left alone.
    expect([...storage.items.keys()].sort()).toEqual(['novex:comment-draft:u-anne:doc-1:edit:m-1', 'novex:language'])
  })
})

describe('hasOwnText', () => {
  const empty = { body: '', suggestable: null }
  it('counts typed text, not white space', () => {
    expect(hasOwnText(text('Een reactie'), empty)).toBe(true)
    expect(hasOwnText(text('  \n '), empty)).toBe(false)
  })

  it('counts an edit only when it differs from the message', () => {
    const message = { body: 'Zoals het was.', suggestable: null }
    expect(hasOwnText(text('Zoals het was.'), message)).toBe(false)
    expect(hasOwnText(text('Zoals het was. '), message)).toBe(false)
    expect(hasOwnText(text('Zoals het nu is.'), message)).toBe(true)
  })

  it('counts proposed wording only once it differs from the selected text', () => {
    const selected = { body: '', suggestable: 'de huidige tekst' }
    expect(hasOwnText(text('', 'de huidige tekst'), selected)).toBe(false)
    expect(hasOwnText(text('', 'de nieuwe tekst'), selected)).toBe(true)
    // Proposing to remove the text is wording of one's own too.
    expect(hasOwnText(text('', ''), selected)).toBe(true)
  })
})

describe('samePlace', () => {
  it('compares where a form is, not what it quotes', () => {
    expect(samePlace(threadAt('A'), { kind: 'thread', target: { ...targetAt('A'), quote: 'anders' } })).toBe(true)
    expect(samePlace(threadAt('A'), threadAt('B'))).toBe(false)
    expect(samePlace(reply, { kind: 'edit', messageId: 't-1' })).toBe(false)
  })
})
