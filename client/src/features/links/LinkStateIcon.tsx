// One small line icon per link state, beside the state's words (never instead of them): colour and
// shape are extra signals, the text is the signal.
import type { LinkState } from '@novex/shared'

const PATHS: Readonly<Record<LinkState | 'loading', string>> = {
  // a chain link
  valid: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
  // a warning triangle
  suspect: 'M12 4l9 16H3zM12 10v4M12 17h.01',
  // a chain link cut through
  broken: 'M10 14l-1 1a4 4 0 0 1-5.7-5.7l3-3M14 10l1-1a4 4 0 0 1 5.7 5.7l-3 3M4 4l16 16',
  // a padlock
  'no-access': 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  // a cloud with a slash: the server cannot open the target document now
  unavailable: 'M7 18h10a4 4 0 0 0 0-8 6 6 0 0 0-11.3 2A3 3 0 0 0 7 18zM4 4l16 16',
  // an hourglass
  loading: 'M7 4h10M7 20h10M8 4c0 5 8 5 8 8s-8 3-8 8M16 4c0 5-8 5-8 8s8 3 8 8',
}

export function LinkStateIcon({ state, size = 14 }: { readonly state: LinkState | 'loading'; readonly size?: number }) {
  return (
    <svg
      className={`link-icon link-icon--${state}`}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[state]} />
    </svg>
  )
}
