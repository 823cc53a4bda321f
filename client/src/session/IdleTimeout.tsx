// The idle timeout in the page (SESSION_IDLE_SECONDS on the server, BIO). The server ends a session its
// user has not worked in for that long, and counts only what the page reports: this reports the user's
// keys, clicks, touches and scrolls (a little more than once a minute while they work; every tab of
// this browser shares the last report), warns two minutes before the end with a button to stay logged
// in (the focus moves to it and back afterwards; WCAG 2.2.1), and once the session has ended goes to
// the login page, which says why and brings the user back here. What was typed stays in this browser
// and is sent after logging in.
import { activityReportIntervalMs, idleWarningMs } from '@novex/shared'
import { Button } from '@rijkshuisstijl-community/components-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useNavigate } from 'react-router'
import { ApiError } from '../api/documents.ts'
import { fetchSession, reportActivity } from '../api/session.ts'
import { type IdlePhase, type IdleTimes, idleStep } from './idleClock.ts'

/** The last report the server accepted, in any tab (milliseconds since the epoch). */
const SHARED_REPORT_KEY = 'novex:session:lastActivityReport'
const INPUT_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const
/** After the reckoned end, how often to ask the server whether the session has really ended. */
const CONFIRM_EVERY_MS = 5_000

export function IdleTimeout({ idleSeconds }: { readonly idleSeconds: number }) {
  return idleSeconds > 0 ? <IdleWatch idleMs={idleSeconds * 1000} /> : null
}

function IdleWatch({ idleMs }: { readonly idleMs: number }) {
  const { t } = useTranslation('session')
  const navigate = useNavigate()
  const location = useLocation()
  const here = useRef('')
  here.current = location.pathname + location.search
  const [phase, setPhase] = useState<IdlePhase>('working')
  const stay = useRef<() => void>(() => {})
  const buttonRef = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const storage = window.localStorage
    const shared = (): number => Number(storage.getItem(SHARED_REPORT_KEY)) || 0
    // Opening the page is the user's doing; it is reported at once, below.
    const times: { -readonly [K in keyof IdleTimes]: IdleTimes[K] } = { lastInput: Date.now(), lastReport: Date.now() }
    let reporting = false
    let ended = false
    let lastConfirm = 0

    const end = (): void => {
      if (ended) return
      ended = true
      void navigate(`/inloggen?terug=${encodeURIComponent(here.current)}&reden=inactief`)
    }
    const report = (): void => {
      if (reporting || ended) return
      reporting = true
      const at = Date.now()
      void reportActivity().then((status) => {
        reporting = false
        // Ended for another reason (logged out in another tab, revoked): the pages say so themselves
        // (the document page's connection notice); only the idle clock's own end leads to the login page.
        if (status === 204) {
          times.lastReport = Math.max(times.lastReport, at)
          storage.setItem(SHARED_REPORT_KEY, String(times.lastReport))
          check()
        }
      })
    }
    const check = (): void => {
      if (ended) return
      const now = Date.now()
      times.lastReport = Math.max(times.lastReport, shared())
      const step = idleStep(idleMs, times, now)
      if (step.report) report()
      if (step.phase === 'ended' && !reporting && now - lastConfirm >= CONFIRM_EVERY_MS) {
        // Reckoned from the reports this browser knows of; the server has the last word.
        lastConfirm = now
        fetchSession().catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 401) end()
        })
      }
      setPhase(step.phase)
    }
    // On every key: only a timestamp, unless a report is due (the warning shows only when one is).
    const reportEveryMs = activityReportIntervalMs(idleMs)
    const onInput = (): void => {
      times.lastInput = Date.now()
      if (times.lastInput - times.lastReport >= reportEveryMs) check()
    }
    stay.current = onInput

    report()
    for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true })
    const timer = setInterval(check, 1_000)
    return () => {
      ended = true
      clearInterval(timer)
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true })
    }
  }, [idleMs, navigate])

  // The warning takes the focus (the user is not typing: they have been away) and gives it back.
  const warning = phase !== 'working'
  useEffect(() => {
    if (!warning) return
    const previous = document.activeElement
    buttonRef.current?.focus()
    return () => {
      if (previous instanceof HTMLElement && document.activeElement === buttonRef.current) previous.focus()
    }
  }, [warning])

  if (!warning) return null
  const warnMs = idleWarningMs(idleMs)
  const text =
    warnMs >= 60_000
      ? t('idle.minutes', { count: Math.round(warnMs / 60_000) })
      : t('idle.seconds', { count: Math.round(warnMs / 1000) })
  return (
    <div className="floating-notices">
      <div
        className="notice notice--floating"
        role="alertdialog"
        aria-labelledby="idle-warning-title"
        aria-describedby="idle-warning-text"
        data-testid="idle-warning"
      >
        <h2 className="notice__title" id="idle-warning-title">
          {t('idle.title')}
        </h2>
        <p id="idle-warning-text">
          {text} {t('idle.kept')}
        </p>
        <p className="notice__action">
          <Button type="button" ref={buttonRef} appearance="primary-action-button" onClick={() => stay.current()}>
            {t('idle.stay')}
          </Button>
        </p>
      </div>
    </div>
  )
}
