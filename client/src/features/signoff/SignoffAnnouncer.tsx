// A polite live region for the whole document page: says it when a section is signed, locks, lapses
// or is reopened, whoever did it. What was already there when the page opened is not announced.
// Polite, not assertive: a lock is news, not an emergency, and must not cut off what a screen reader
// is reading in the text.
import { orderedSections, type SectionSignoff, signoffMirror } from '@novex/shared'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { announcementOf } from './signoffText.ts'

export interface SignoffAnnouncerProps {
  readonly doc: Y.Doc
  /** True once the document has synced with the server on this page: changes before that are not news. */
  readonly isLive: () => boolean
}

export function SignoffAnnouncer({ doc, isLive }: SignoffAnnouncerProps) {
  const { t } = useTranslation('signoff')
  const [message, setMessage] = useState('')
  // The observer lives as long as the document; the language may change meanwhile.
  const tRef = useRef(t)
  tRef.current = t

  useEffect(() => {
    const mirror = signoffMirror(doc)
    let known = new Map<string, SectionSignoff>(mirror.entries())
    const handleChange = (event: Y.YMapEvent<SectionSignoff>): void => {
      const before = known
      known = new Map(mirror.entries())
      if (!isLive()) return
      const tr = tRef.current
      const labels = new Map(
        orderedSections(doc).map((s) => [s.id as string, tr('signoff:announce.section', { number: s.number })]),
      )
      const sentences: string[] = []
      for (const sectionId of event.keysChanged) {
        const after = mirror.get(sectionId)
        if (!after) continue
        const label = labels.get(sectionId) ?? tr('signoff:announce.someSection')
        const sentence = announcementOf(tr, label, before.get(sectionId), after)
        if (sentence) sentences.push(sentence)
      }
      if (sentences.length > 0) setMessage(sentences.join(' '))
    }
    mirror.observe(handleChange)
    return () => mirror.unobserve(handleChange)
  }, [doc, isLive])

  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="signoff-announcement">
      {message}
    </div>
  )
}
