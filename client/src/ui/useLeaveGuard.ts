// Asks the browser to confirm leaving the page while `active`: for text that exists nowhere else yet,
// such as a comment being written. The document's own text needs no guard: the page's local copy
// keeps it and sends it on the next visit.
// Only for leaving the page itself (closing the tab, a reload, another site): `beforeunload` does not
// fire when react-router moves to another page of the app, and with a BrowserRouter (not a data router)
// there is no blocker to ask with. So what must survive that keeps itself instead: a comment being
// written is kept as a draft on every change (features/comments/commentDrafts.ts) and is back when its
// form is. The question here remains a reminder that it has not been sent.
// Not when the user logs out: the server has ended the session by then, so staying would leave a
// logged-out page; the draft is kept all the same (`announceLeaving`).
import { useEffect } from 'react'

const LEAVING = 'novex:leaving'

/** Tells the page's leave guards that it is being left on purpose (a logout): they ask nothing. */
export function announceLeaving(win: Window): void {
  win.dispatchEvent(new Event(LEAVING))
}

export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const guard = (event: BeforeUnloadEvent): void => {
      event.preventDefault()
    }
    const stand = (): void => window.removeEventListener('beforeunload', guard)
    window.addEventListener('beforeunload', guard)
    window.addEventListener(LEAVING, stand)
    return () => {
      stand()
      window.removeEventListener(LEAVING, stand)
    }
  }, [active])
}
