// Opens the section named in the address (`/document/<id>#section-<sectionId>`): scrolls it into view
// and puts the focus on its title, once it is rendered. Link and backlink clicks navigate here; so does
// an address pasted from elsewhere. Each navigation is handled once (by its location key), so typing
// on afterwards is never interrupted. The section may appear only later (another document loading
// from the local copy or the server), so we look again for a while.
import { useEffect } from 'react'
import { useLocation } from 'react-router'

const SECTION_HASH = /^#section-([A-Za-z0-9_-]+)$/
const LOOK_EVERY_MS = 200
const GIVE_UP_AFTER_MS = 15_000
const HIGHLIGHT_MS = 2_000

export function SectionHashFocus() {
  const { hash, key } = useLocation()

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` makes a second click on the same link scroll again.
  useEffect(() => {
    const sectionId = SECTION_HASH.exec(hash)?.[1]
    if (sectionId === undefined) return
    const started = Date.now()
    let timer: ReturnType<typeof setTimeout> | null = null
    const look = (): void => {
      timer = null
      const section = document.querySelector<HTMLElement>(`[data-testid="section"][data-section-id="${sectionId}"]`)
      if (section === null) {
        if (Date.now() - started < GIVE_UP_AFTER_MS) timer = setTimeout(look, LOOK_EVERY_MS)
        return
      }
      section.scrollIntoView({ block: 'start' })
      section.querySelector<HTMLElement>('[data-testid="section-title"]')?.focus({ preventScroll: true })
      section.classList.add('section--link-target')
      setTimeout(() => section.classList.remove('section--link-target'), HIGHLIGHT_MS)
    }
    look()
    return () => {
      if (timer !== null) clearTimeout(timer)
    }
  }, [hash, key])

  return null
}
