// A polite live region: says it when someone else places a comment or replies. What was there when
// the page opened (and what arrives with the first sync) is not news.
import type { CommentThread } from '@novex/shared'
import { useEffect, useRef, useState } from 'react'

export interface CommentAnnouncerProps {
  readonly threads: readonly CommentThread[]
  readonly myId: string
  readonly sectionLabel: (sectionId: string) => string
  /** True once the document has synced with the server on this page. */
  readonly isLive: () => boolean
}

export function CommentAnnouncer({ threads, myId, sectionLabel, isLive }: CommentAnnouncerProps) {
  const [message, setMessage] = useState('')
  const seen = useRef<Set<string> | null>(null)

  useEffect(() => {
    const ids = threads.flatMap((t) => t.messages.map((m) => m.id))
    const known = seen.current
    if (known === null || !isLive()) {
      seen.current = new Set(ids)
      return
    }
    const sentences: string[] = []
    for (const thread of threads) {
      thread.messages.forEach((m, index) => {
        if (known.has(m.id)) return
        known.add(m.id)
        if (m.author.userId === myId) return
        const what = index === 0 ? 'Nieuwe reactie' : 'Nieuw antwoord'
        sentences.push(
          `${what} van ${m.author.name} (${m.author.organisationName}) bij ${sectionLabel(thread.sectionId)}.`,
        )
      })
    }
    if (sentences.length > 0) setMessage(sentences.join(' '))
  }, [threads, myId, sectionLabel, isLive])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="comment-announcement">
      {message}
    </div>
  )
}
