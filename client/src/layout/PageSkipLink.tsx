// A skip link a page adds beside "Naar de inhoud": rendered at the top of the page (the slot in
// AppLayout), so it is among the first Tab stops, and visible only while it has the focus. It points
// at `#<target>` and, when activated, lets the page put the focus where it belongs (`onActivate`)
// without changing the address.
import type { ReactNode } from 'react'
import { useContext } from 'react'
import { createPortal } from 'react-dom'
import { PageSkipLinkSlot } from './PageSkipLinkSlot.ts'

export interface PageSkipLinkProps {
  /** The id of the element the link skips to. */
  readonly target: string
  readonly onActivate: () => void
  /** As in aria-keyshortcuts: the shortcut that does the same. */
  readonly keyShortcuts?: string
  readonly testId?: string
  readonly children: ReactNode
}

export function PageSkipLink({ target, onActivate, keyShortcuts, testId, children }: PageSkipLinkProps) {
  const slot = useContext(PageSkipLinkSlot)
  if (slot === null) return null
  return createPortal(
    <a
      className="page-skip-link"
      href={`#${target}`}
      aria-keyshortcuts={keyShortcuts}
      data-testid={testId}
      onClick={(event) => {
        event.preventDefault()
        onActivate()
      }}
    >
      {children}
    </a>,
    slot,
  )
}
