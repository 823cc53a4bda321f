// Opens the comment thread named in the address (`/document/<id>?reactie=<threadId>`, the link in a
// notification e-mail). Once the document is synced with the server (before that, the local copy may
// lack the thread or still hold a deleted one): the thread's text is scrolled into view without taking
// the focus, the thread becomes the active one and its card takes the focus (the panel resets a filter
// that would hide it). A thread that is not there is said on the page. Either way the parameter then
// goes (replacing the history entry), so a reload does not jump again.
import { THREAD_LINK_PARAM } from '@novex/shared'
import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { CommentsStore } from './commentsStore.ts'
import { showThread } from './showThread.ts'

/**
 * How long to wait for the thread's place in the text, which its section's editor reports after it
 * rendered; without it the card still takes the focus.
 */
const PLACE_WAIT_MS = 3_000

export interface ThreadLink {
  /** The linked thread does not exist (any more), as far as the synced document knows. */
  readonly missing: boolean
}

export function useThreadLink(store: CommentsStore | null, synced: boolean): ThreadLink {
  const [params, setParams] = useSearchParams()
  const threadId = params.get(THREAD_LINK_PARAM)
  const [missing, setMissing] = useState(false)

  useEffect(() => {
    if (threadId === null || store === null || !synced) return
    let unsubscribe = (): void => {}
    let timer: ReturnType<typeof setTimeout> | undefined
    const stopWaiting = (): void => {
      unsubscribe()
      clearTimeout(timer)
    }
    const open = (): void => {
      stopWaiting()
      const { threads } = store.getSnapshot()
      const thread = threads.find((t) => t.id === threadId)
      setMissing(thread === undefined)
      if (thread !== undefined) showThread(store, thread)
      setParams(
        (current) => {
          const next = new URLSearchParams(current)
          next.delete(THREAD_LINK_PARAM)
          return next
        },
        { replace: true },
      )
    }
    const known = (): boolean => {
      const { threads, anchors } = store.getSnapshot()
      return anchors.has(threadId) || !threads.some((t) => t.id === threadId)
    }
    if (known()) {
      open()
      return
    }
    unsubscribe = store.subscribe(() => {
      if (known()) open()
    })
    timer = setTimeout(open, PLACE_WAIT_MS)
    return stopWaiting
  }, [threadId, store, synced, setParams])

  return { missing }
}
