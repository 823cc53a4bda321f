// Keeps the thread cards beside their text, as far as the side panel allows: while the document
// scrolls, the first card whose highlight is in view is moved to the height of that highlight (the
// list is pushed down, or the panel scrolled), and the cards after it follow in document order. It
// never moves the panel while the user works in it (the focus is inside).
import { type RefObject, useEffect } from 'react'

const TOOLBAR = '.document-toolbar'

function highlightOf(threadId: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `[data-testid="comment-highlight"][data-thread-id="${CSS.escape(threadId)}"]`,
  )
}

/** Aligns once; returns how far the card still is from its highlight (the layout may shift after). */
function align(panel: HTMLElement, list: HTMLElement): number {
  if (panel.contains(document.activeElement)) return 0
  const top = document.querySelector(TOOLBAR)?.getBoundingClientRect().bottom ?? 0
  for (const card of list.querySelectorAll<HTMLElement>('[data-testid="comment-thread"]')) {
    const id = card.dataset.threadId
    const markTop = id ? highlightOf(id)?.getBoundingClientRect().top : undefined
    if (markTop === undefined || markTop < top || markTop > window.innerHeight) continue
    // The card's place follows (padding − scroll): move it by the distance to its highlight.
    const delta = markTop - card.getBoundingClientRect().top
    const place = (Number.parseFloat(list.style.paddingTop) || 0) - panel.scrollTop + delta
    list.style.paddingTop = `${Math.max(0, place)}px`
    panel.scrollTop = Math.max(0, -place)
    return Math.abs(markTop - card.getBoundingClientRect().top)
  }
  list.style.paddingTop = '0px'
  return 0
}

/** A taller list can move the sticky side column itself: align again until it settles. */
const MAX_PASSES = 4

/** `threads` and `filter` change when the cards or the highlights may have moved. */
export function useAlignedCards(
  panel: RefObject<HTMLElement | null>,
  list: RefObject<HTMLElement | null>,
  threads: unknown,
  filter: unknown,
): void {
  // biome-ignore lint/correctness/useExhaustiveDependencies: threads and filter trigger a new alignment.
  useEffect(() => {
    let frame = 0
    let passes = 0
    const run = (): void => {
      frame = 0
      if (!panel.current || !list.current) return
      const off = align(panel.current, list.current)
      if (off > 1 && ++passes < MAX_PASSES) frame = requestAnimationFrame(run)
    }
    const schedule = (): void => {
      passes = 0
      if (frame === 0) frame = requestAnimationFrame(run)
    }
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    schedule()
    return () => {
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [panel, list, threads, filter])
}
