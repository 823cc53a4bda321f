// The save indicator: connecting, saving, saved or offline. It subscribes to the save state itself, so
// only it re-renders when a keystroke is saving and then saved. The visible text is not a live region:
// it flips with every keystroke. A separate polite live region says what is news (announcedSaveStatus):
// the connection lost or being rebuilt, everything saved again after that, and the Ctrl+S line.
//
// Ctrl+S (Cmd+S): people who come from Word press it out of habit, and the browser would open its
// "save page as" dialog. Here it is caught, and the indicator says that saving happens by itself.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Collab } from '../../collab/createCollab.ts'
import {
  announcedSaveStatus,
  SAVE_STATUS_KEY,
  type SaveAnnouncement,
  saveStatusOf,
  spokenSaveStatus,
} from '../../collab/saveStatus.ts'
import { useCollabValue } from '../../collab/useCollabValue.ts'

/** How long the "saving happens by itself" line stays after Ctrl+S. */
const SHORTCUT_HINT_MS = 6_000

function isSaveShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 's'
}

export function SaveStatusIndicator({ collab }: { readonly collab: Collab | null }) {
  const { t } = useTranslation('connection')
  const status = useCollabValue(collab, saveStatusOf)
  /** Counts Ctrl+S presses, so that each press is said again; 0 = no line. */
  const [asked, setAsked] = useState(0)
  const [announced, setAnnounced] = useState<SaveAnnouncement>('opening')
  // Derived from the statuses seen so far, during render (React's "state from the previous render").
  const nextAnnounced = announcedSaveStatus(announced, status)
  if (nextAnnounced !== announced) setAnnounced(nextAnnounced)
  const spoken = spokenSaveStatus(nextAnnounced)

  useEffect(() => {
    const handleKeyDown = (event: KeyboardEvent): void => {
      if (!isSaveShortcut(event)) return
      event.preventDefault()
      setAsked((n) => n + 1)
    }
    window.addEventListener('keydown', handleKeyDown)
    return () => window.removeEventListener('keydown', handleKeyDown)
  }, [])

  useEffect(() => {
    if (asked === 0) return
    const timer = setTimeout(() => setAsked(0), SHORTCUT_HINT_MS)
    return () => clearTimeout(timer)
  }, [asked])

  return (
    <>
      <p className={`save-status save-status--${status}`}>
        <span className="save-status__dot" aria-hidden="true" />
        <span data-testid="save-status">{t(SAVE_STATUS_KEY[status])}</span>
        {asked > 0 && (
          <span key={asked} className="save-status__automatic" data-testid="save-shortcut-hint">
            {t('saveStatus.automatic')}
          </span>
        )}
      </p>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="save-announcement">
        {spoken !== null && <span>{t(SAVE_STATUS_KEY[spoken])}</span>}
        {asked > 0 && <span key={asked}> {t('saveStatus.automatic')}</span>}
      </p>
    </>
  )
}
