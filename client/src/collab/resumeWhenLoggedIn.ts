// A page whose connection the server closed because the session ended (close code `unauthenticated`)
// stays as it is: the text typed since stays in this browser, and the notice offers to log in again.
// People with several tabs often log in again in another one. So whenever this page is shown again
// (it gets the focus, or becomes visible), it asks the server who is logged in; is it the same person,
// the page connects again and sends what was typed meanwhile, without a reload. Another person's
// session does not resume it: the page and its local copy belong to the user who opened it.
import { CloseCode } from '@novex/shared'

/** What is used of the page's window: its focus and whether it is shown. */
export interface PageShown {
  addEventListener(type: 'focus', listener: () => void): void
  removeEventListener(type: 'focus', listener: () => void): void
  readonly document: {
    readonly visibilityState: DocumentVisibilityState
    addEventListener(type: 'visibilitychange', listener: () => void): void
    removeEventListener(type: 'visibilitychange', listener: () => void): void
  }
}

export interface ResumeWhenLoggedInOptions {
  /** The code the server closed the connection with for good, or null while it is not closed. */
  readonly closedCode: () => number | null
  /** The user who opened the page. */
  readonly userId: string
  /** Who is logged in now (the id), or null without a live session. */
  readonly whoIsLoggedIn: () => Promise<string | null>
  /** Connects again (the Collab's `resume`). */
  readonly resume: () => void
  readonly window: PageShown
}

/** Starts watching; returns the function that stops it. */
export function resumeWhenLoggedIn(options: ResumeWhenLoggedInOptions): () => void {
  const { closedCode, userId, whoIsLoggedIn, resume, window: win } = options
  let asking = false
  let stopped = false
  const sessionEnded = (): boolean => closedCode() === CloseCode.unauthenticated

  const check = (): void => {
    if (stopped || asking || !sessionEnded() || win.document.visibilityState !== 'visible') return
    asking = true
    whoIsLoggedIn()
      .then((id) => {
        if (!stopped && id === userId && sessionEnded()) resume()
      })
      // Not reachable or not logged in: the notice stays, and the next focus asks again.
      .catch(() => undefined)
      .finally(() => {
        asking = false
      })
  }

  win.addEventListener('focus', check)
  win.document.addEventListener('visibilitychange', check)
  return () => {
    stopped = true
    win.removeEventListener('focus', check)
    win.document.removeEventListener('visibilitychange', check)
  }
}
