// The keyboard of a WAI-ARIA toolbar (https://www.w3.org/WAI/ARIA/apg/patterns/toolbar/): one Tab stop,
// the arrow keys, Home and End move between the buttons. The toolbar gives its keydown handler to the
// element with role="toolbar", and to each button its `tabIndex`, `ref`, `onFocus` and `onMouseDown`.
// A click leaves the focus in the text, as in Word: the editor's own focus() comes back a frame later
// (Tiptap focuses in requestAnimationFrame), and a key typed in that frame went to the button.
import { type KeyboardEvent, type MouseEvent, useRef, useState } from 'react'

export interface RovingButton {
  readonly tabIndex: 0 | -1
  readonly ref: (button: HTMLButtonElement | null) => void
  readonly onFocus: () => void
  readonly onMouseDown: (event: MouseEvent<HTMLButtonElement>) => void
}

export interface RovingToolbar {
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void
  readonly button: (index: number) => RovingButton
}

export function useRovingToolbar(count: number): RovingToolbar {
  const [stored, setCurrent] = useState(0)
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  // The buttons may be fewer than before (a contextual toolbar): the Tab stop stays on one of them.
  const current = Math.min(stored, Math.max(count - 1, 0))

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (count === 0) return
    const moves: Readonly<Record<string, number>> = {
      ArrowRight: (current + 1) % count,
      ArrowLeft: (current - 1 + count) % count,
      Home: 0,
      End: count - 1,
    }
    const next = moves[event.key]
    if (next === undefined) return
    event.preventDefault()
    setCurrent(next)
    buttons.current[next]?.focus()
  }

  const button = (index: number): RovingButton => ({
    tabIndex: index === current ? 0 : -1,
    ref: (element) => {
      buttons.current[index] = element
    },
    onFocus: () => setCurrent(index),
    onMouseDown: (event) => event.preventDefault(),
  })

  return { onKeyDown, button }
}
