// Where the find bar puts its current match: in view, below the bar. The bar sticks to the top of the
// window, and on a small screen (a phone, or 200 % zoom) it takes a good part of it, so "scroll the
// match into view" is not enough: the match must land in what the bar leaves free (WCAG 2.4.11).

/** Margin kept between a revealed match and the find bar or the window's bottom edge. */
export const REVEAL_MARGIN_PX = 16

/** Where the match and the bar are now, in window coordinates (getBoundingClientRect). */
export interface RevealGeometry {
  readonly matchTop: number
  readonly matchBottom: number
  readonly barTop: number
  readonly barBottom: number
  readonly windowHeight: number
}

/**
 * How far to scroll the window down (negative: up) to show the match below the bar; 0 when it shows
 * there already. The match goes to the middle of the room below the bar, counting the bar where it
 * stands once the page scrolls (stuck at the top); where the page cannot scroll that far the match
 * still lies below the bar, as it follows it in the page.
 */
export function revealScrollDelta(geometry: RevealGeometry, margin = REVEAL_MARGIN_PX): number {
  const { matchTop, matchBottom, barTop, barBottom, windowHeight } = geometry
  if (matchTop >= barBottom + margin && matchBottom <= windowHeight - margin) return 0
  const barHeight = barBottom - barTop
  const roomMiddle = (barHeight + windowHeight) / 2
  return Math.round((matchTop + matchBottom) / 2 - roomMiddle)
}
