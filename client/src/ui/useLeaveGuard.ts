// Asks the browser to confirm leaving the page while `active`: for text that exists nowhere else yet,
// such as a comment being written. The document's own text needs no guard: the page's local copy
// keeps it and sends it on the next visit.
// Only for leaving the page itself (closing the tab, a reload, another site): `beforeunload` does not
// fire when react-router moves to another page of the app, and with a BrowserRouter (not a data router)
// there is no blocker to ask with. So what must survive that keeps itself instead: a comment being
// written is kept as a draft on every change (features/comments/commentDrafts.ts) and is back when its
// form is. The question here remains a reminder that it has not been sent.
import { useEffect } from 'react'

export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return
    const guard = (event: BeforeUnloadEvent): void => {
      event.preventDefault()
    }
    window.addEventListener('beforeunload', guard)
    return () => window.removeEventListener('beforeunload', guard)
  }, [active])
}
