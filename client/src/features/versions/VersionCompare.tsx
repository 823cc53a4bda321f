// The comparison of two versions (or a version and the current text), per section: what was added
// and what was deleted, each marked in words as well as in colour. It appears below the version list
// after a choice there: the focus moves to its heading, and Escape or "Vergelijking sluiten" closes it
// (the page puts the focus back where the comparison was asked for).
import { Alert, Button } from '@rijkshuisstijl-community/components-react'
import { type KeyboardEvent, useEffect, useId, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { compareVersions } from '../../api/comments.ts'
import { useApi } from '../../api/useApi.ts'
import { apiErrorText } from '../comments/apiErrorText.ts'
import { DiffText } from './DiffText.tsx'

export interface VersionCompareProps {
  readonly documentId: string
  readonly from: string
  readonly to: string
  readonly fromLabel: string
  readonly toLabel: string
  /**
   * True when a label is a version's name as stored (user content, versionName.ts), false when it is a
   * catalogue text (a version named from its kind, "huidige versie").
   */
  readonly fromIsName: boolean
  readonly toIsName: boolean
  readonly onClose: () => void
}

export function VersionCompare({
  documentId,
  from,
  to,
  fromLabel,
  toLabel,
  fromIsName,
  toIsName,
  onClose,
}: VersionCompareProps) {
  const { t, i18n } = useTranslation('versions')
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const result = useApi((signal) => compareVersions(documentId, from, to, signal), `${documentId}:${from}:${to}`)

  // A new comparison was asked for: bring the keyboard (and the screen reader) to it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs once per pair of versions.
  useEffect(() => {
    headingRef.current?.focus()
  }, [from, to])

  const handleKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    onClose()
  }

  return (
    <section
      className="version-compare"
      data-testid="version-compare"
      aria-labelledby={headingId}
      onKeyDown={handleKeyDown}
    >
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        <Trans
          t={t}
          i18nKey="compared"
          values={{ from: fromLabel, to: toLabel }}
          components={{
            from: fromIsName ? <span translate="no" /> : <span />,
            to: toIsName ? <span translate="no" /> : <span />,
          }}
        />
      </h2>
      <Button appearance="subtle-button" data-testid="version-compare-close" onClick={onClose}>
        {t('closeCompare')}
      </Button>
      {result.state === 'loading' && (
        <p className="empty-state" role="status">
          {t('comparing')}
        </p>
      )}
      {result.state === 'failed' && <Alert type="error">{apiErrorText(t, i18n, result, t('loadFailed'))}</Alert>}
      {result.state === 'ready' &&
        (result.value.length === 0 ? (
          <p className="empty-state">{t('noSections')}</p>
        ) : (
          result.value.map((section) => (
            <section
              key={section.sectionId}
              className={`version-compare__section version-compare__section--${section.status}`}
              data-section-id={section.sectionId}
              data-status={section.status}
            >
              <h3>
                {section.title === '' ? t('untitled') : <span translate="no">{section.title}</span>}{' '}
                <span className={`change-badge change-badge--${section.status}`}>{t(`status.${section.status}`)}</span>
              </h3>
              {section.status === 'same' ? (
                <p className="hint">{t('noDifference')}</p>
              ) : (
                <DiffText parts={section.parts} />
              )}
            </section>
          ))
        ))}
    </section>
  )
}
