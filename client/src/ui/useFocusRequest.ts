// Focus on what a state change is about to show, as soon as React has put it on the page: in a
// layout effect, so before the browser handles the next key. A focus put off to the next animation
// frame came too late under load: the first keys someone typed right after opening a comment form
// (Ctrl+Alt+M, "Beantwoorden") went into the document or were lost.
import { type RefObject, useCallback, useLayoutEffect, useState } from 'react'

interface Focusable {
  focus(): void
  select?(): void
}

/**
 * Returns `request()`: call it with the state change that shows `ref`'s element, and that element gets
 * the focus; with `selectAll`, its text is selected too (a field to edit as a whole).
 */
export function useFocusRequest(ref: RefObject<Focusable | null>, selectAll = false): () => void {
  const [requests, setRequests] = useState(0)
  useLayoutEffect(() => {
    if (requests === 0) return
    const element = ref.current
    element?.focus()
    if (selectAll) element?.select?.()
  }, [requests, ref, selectAll])
  return useCallback(() => setRequests((count) => count + 1), [])
}
