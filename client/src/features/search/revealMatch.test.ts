import { describe, expect, it } from 'vitest'
import { REVEAL_MARGIN_PX, revealScrollDelta } from './revealMatch.ts'

// At 200 % zoom in a 1280 × 1000 window: 500 CSS pixels high, the compact bar 160 high.
const WINDOW = 500
const BAR = 160

describe('revealScrollDelta', () => {
  it('leaves a match that shows below the bar where it is', () => {
    const geometry = { matchTop: 300, matchBottom: 320, barTop: 0, barBottom: BAR, windowHeight: WINDOW }
    expect(revealScrollDelta(geometry)).toBe(0)
  })

  it('brings a match hidden under the stuck bar down into the room below it', () => {
    // Under the bar: centring it in the window (at 250) would leave it there, since the bar reaches 160;
    // the middle of what the bar leaves free is at 330.
    const geometry = { matchTop: 100, matchBottom: 120, barTop: 0, barBottom: BAR, windowHeight: WINDOW }
    const delta = revealScrollDelta(geometry)
    expect(delta).toBe(110 - 330)
    expect(geometry.matchTop - delta).toBeGreaterThanOrEqual(BAR + REVEAL_MARGIN_PX)
  })

  it('counts a tall bar: the match lands below it, not in the middle of the window', () => {
    // The bar opened up to 60 % of the window: 300 of 500.
    const geometry = { matchTop: 260, matchBottom: 280, barTop: 0, barBottom: 300, windowHeight: WINDOW }
    const delta = revealScrollDelta(geometry)
    const top = geometry.matchTop - delta
    expect(top).toBeGreaterThanOrEqual(300 + REVEAL_MARGIN_PX)
    expect(top + 20).toBeLessThanOrEqual(WINDOW - REVEAL_MARGIN_PX)
  })

  it('scrolls down to a match below the window, counting the bar where it will stick', () => {
    // The page at its top: the bar stands below the header (from 300), the match far below the window.
    const geometry = { matchTop: 1200, matchBottom: 1220, barTop: 300, barBottom: 300 + BAR, windowHeight: WINDOW }
    const delta = revealScrollDelta(geometry)
    expect(delta).toBe(1210 - 330)
    // After the scroll the bar sticks at 0..160; the match is at 320.
    expect(geometry.matchTop - delta).toBeGreaterThanOrEqual(BAR + REVEAL_MARGIN_PX)
  })

  it('scrolls up to a match above the window', () => {
    const geometry = { matchTop: -800, matchBottom: -780, barTop: 0, barBottom: BAR, windowHeight: WINDOW }
    expect(revealScrollDelta(geometry)).toBe(-790 - 330)
  })

  it('treats a match too close to the bottom edge as hidden', () => {
    const geometry = { matchTop: WINDOW - 20, matchBottom: WINDOW - 2, barTop: 0, barBottom: BAR, windowHeight: WINDOW }
    expect(revealScrollDelta(geometry)).toBeGreaterThan(0)
  })
})
