// A polite live region: says it when someone else places a comment or replies. What was there when
// the page opened, and what arrives with a sync, is not news. The comments map is observed directly,
// like SignoffAnnouncer: a sync's update is applied (and observed) before the connection counts as
// synced, whereas React renders the threads it brought only after that, together with any later ones.
import { type CommentThread, commentsMap } from '@novex/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'

export interface CommentAnnouncerProps {
  readonly doc: Y.Doc
  readonly myId: string
  readonly sectionText: (sectionId: string) => string
  /** True once the document has synced with the server on this page. */
  readonly isLive: () => boolean
}

const messageIds = (threads: Iterable<CommentThread>): string[] =>
  [...threads].flatMap((t) => t.messages.map((m) => m.id))

export function CommentAnnouncer({ doc, myId, sectionText, isLive }: CommentAnnouncerProps) {
  const { t } = useTranslation('comments')
  const [message, setMessage] = useState('')
  // The observer lives as long as the document; the language and the section titles change meanwhile.
  const latest = useRef({ t, myId, sectionText })
  latest.current = { t, myId, sectionText }

  useEffect(() => {
    const map = commentsMap(doc)
    const known = new Set(messageIds(map.values()))
    const handleChange = (event: Y.YMapEvent<CommentThread>): void => {
      const live = isLive()
      const { t: tr, myId: me, sectionText: textOf } = latest.current
      const sentences: string[] = []
      for (const threadId of event.keysChanged) {
        const thread = map.get(threadId)
        thread?.messages.forEach((m, index) => {
          if (known.has(m.id)) return
          known.add(m.id)
          if (!live || m.author.userId === me) return
          const values = {
            name: m.author.name,
            organisation: m.author.organisationName,
            section: textOf(thread.sectionId),
          }
          sentences.push(index === 0 ? tr('announce.newThread', values) : tr('announce.newReply', values))
        })
      }
      if (sentences.length > 0) setMessage(sentences.join(' '))
    }
    map.observe(handleChange)
    return () => map.unobserve(handleChange)
  }, [doc, isLive])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="comment-announcement">
      {message}
    </div>
  )
}
