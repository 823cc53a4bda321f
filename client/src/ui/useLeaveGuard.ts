// Asks the browser to confirm leaving the page while `active`: for text that exists nowhere else yet,
// such as a comment being written. The document's own text needs no guard: the page's local copy
// keeps it and sends it on the next visit.
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
