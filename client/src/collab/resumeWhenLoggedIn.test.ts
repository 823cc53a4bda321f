import { CloseCode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { type PageShown, resumeWhenLoggedIn } from './resumeWhenLoggedIn.ts'

/** A page's window as far as the watcher uses it: focus and visibility events. */
function fakePage(): PageShown & { focus(): void; show(): void; hide(): void } {
  const target = new EventTarget()
  const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState })
  return Object.assign(target, {
    document: doc,
    focus: () => target.dispatchEvent(new Event('focus')),
    show: () => {
      doc.visibilityState = 'visible'
      doc.dispatchEvent(new Event('visibilitychange'))
    },
    hide: () => {
      doc.visibilityState = 'hidden'
      doc.dispatchEvent(new Event('visibilitychange'))
    },
  })
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function watch(closed: { code: number | null }, loggedIn: () => Promise<string | null>) {
  const page = fakePage()
  const asked: string[] = []
  let resumed = 0
  const stop = resumeWhenLoggedIn({
    closedCode: () => closed.code,
    userId: 'u-anne',
    whoIsLoggedIn: () => {
      asked.push('who')
      return loggedIn()
    },
    resume: () => {
      resumed += 1
      closed.code = null
    },
    window: page,
  })
  return { page, asked, resumed: () => resumed, stop }
}

describe('resumeWhenLoggedIn', () => {
  it('connects again when the page is shown and the same person is logged in again', async () => {
    const closed = { code: CloseCode.unauthenticated as number | null }
    let who: string | null = null
    const w = watch(closed, async () => who)
    w.page.focus()
    await settle()
    expect(w.resumed()).toBe(0)
    who = 'u-anne'
    w.page.show()
    await settle()
    expect(w.resumed()).toBe(1)
    // Connected again: focusing the page asks nothing more.
    w.page.focus()
    await settle()
    expect(w.asked).toHaveLength(2)
  })

  it('does not resume for someone else, or when the server is not reachable', async () => {
    const closed = { code: CloseCode.unauthenticated as number | null }
    let answer: () => Promise<string | null> = async () => 'u-bram'
    const w = watch(closed, () => answer())
    w.page.focus()
    await settle()
    answer = () => Promise.reject(new Error('offline'))
    w.page.focus()
    await settle()
    expect(w.asked).toHaveLength(2)
    expect(w.resumed()).toBe(0)
  })

  it('asks only after the session ended, only while shown, one question at a time, and not after stop', async () => {
    const closed = { code: null as number | null }
    let release: (id: string | null) => void = () => undefined
    const w = watch(closed, () => new Promise((resolve) => (release = resolve)))
    w.page.focus()
    expect(w.asked).toHaveLength(0)
    closed.code = CloseCode.forbidden
    w.page.focus()
    expect(w.asked).toHaveLength(0)
    closed.code = CloseCode.unauthenticated
    w.page.hide()
    expect(w.asked).toHaveLength(0)
    w.page.show()
    w.page.focus()
    expect(w.asked).toHaveLength(1)
    w.stop()
    release('u-anne')
    await settle()
    expect(w.resumed()).toBe(0)
    w.page.focus()
    expect(w.asked).toHaveLength(1)
  })
})
