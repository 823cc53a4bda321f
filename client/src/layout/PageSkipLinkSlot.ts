// Where a page puts skip links of its own, beside "Naar de inhoud" at the top of every page
// (AppLayout). The document page adds "Naar de reacties" there (PageSkipLink).
import { createContext } from 'react'

/** The element the page's skip links are rendered into; null until AppLayout has rendered it. */
export const PageSkipLinkSlot = createContext<HTMLElement | null>(null)
