// A polite live region: says it when someone else places a comment or replies. What was there when
// the page opened (and what arrives with the first sync) is not news.
import type { CommentThread } from '@novex/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'

export interface CommentAnnouncerProps {
  readonly threads: readonly CommentThread[]
  readonly myId: string
  readonly sectionText: (sectionId: string) => string
  /** True once the document has synced with the server on this page. */
  readonly isLive: () => boolean
}

export function CommentAnnouncer({ threads, myId, sectionText, isLive }: CommentAnnouncerProps) {
  const { t } = useTranslation('comments')
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
        const values = {
          name: m.author.name,
          organisation: m.author.organisationName,
          section: sectionText(thread.sectionId),
        }
        sentences.push(index === 0 ? t('announce.newThread', values) : t('announce.newReply', values))
      })
    }
    if (sentences.length > 0) setMessage(sentences.join(' '))
  }, [threads, myId, sectionText, isLive, t])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="comment-announcement">
      {message}
    </div>
  )
}
