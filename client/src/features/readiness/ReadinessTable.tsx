// The eight required components against the BO-MIRT conditions: present, not empty, signed by the
// Rijk, signed by the province, locked. Every cell says "Ja" or "Nee" in words (with an icon), so
// colour is never the only signal; the verdict sits above the table. The last column is not a
// condition: the reactions on each component still open, with a link to the oldest.
import { COMPONENTS, type ComponentReadiness, documentPath, type Readiness, THREAD_LINK_PARAM } from '@novex/shared'
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@rijkshuisstijl-community/components-react'
import type { TFunction } from 'i18next'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { Icon, type IconName } from '../../ui/Icon.tsx'

const COLUMNS = ['present', 'nonEmpty', 'signedRijk', 'signedProvincie', 'locked'] as const

export interface ReadinessVerdict {
  readonly ready: boolean
  readonly text: string
  /**
   * Beside the text: a tick when ready, a clock ("not yet") when not. Not the padlock, which everywhere
   * else means a signed, locked section.
   */
  readonly icon: IconName
}

/** Ready only when the server says so and all eight components are locked. */
export function readinessVerdict(t: TFunction, readiness: Readiness): ReadinessVerdict {
  const locked = readiness.components.filter((c) => c.locked).length
  const total = COMPONENTS.length
  const ready = readiness.ready && locked === total
  return ready
    ? { ready, text: t('readiness:ready'), icon: 'check' }
    : { ready, text: t('readiness:notReady', { locked, total }), icon: 'clock' }
}

export function ReadinessTable({
  readiness,
  documentId,
}: {
  readonly readiness: Readiness
  readonly documentId: string
}) {
  const { t } = useTranslation('readiness')
  const { ready, text, icon } = readinessVerdict(t, readiness)
  const byKey = new Map(readiness.components.map((c) => [c.component, c]))
  const open = readiness.components.reduce((sum, c) => sum + c.openThreads, 0)
  const captionId = useId()
  return (
    <div data-testid="readiness">
      <p
        className={`readiness-verdict readiness-verdict--${ready ? 'ready' : 'not-ready'}`}
        data-testid="readiness-verdict"
        data-ready={ready ? 'true' : 'false'}
        role="status"
      >
        <Icon name={icon} />
        {text}
      </p>
      {open > 0 && (
        <p className="readiness-open" data-testid="readiness-open">
          {t('openNote', { count: open })}
        </p>
      )}
      {/* On a narrow screen the table scrolls sideways in its own box, keyboard included (tabIndex), as
          the wisselwerking matrix does; named by the caption. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
      <section className="table-scroll" tabIndex={0} aria-labelledby={captionId} data-testid="readiness-scroll">
        <Table className="readiness-table">
          <TableCaption id={captionId} className="visually-hidden">
            {t('caption')}
          </TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('component')}</TableHeaderCell>
              {COLUMNS.map((c) => (
                <TableHeaderCell key={c} scope="col">
                  {t(`columns.${c}`)}
                </TableHeaderCell>
              ))}
              <TableHeaderCell scope="col">{t('columns.openThreads')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {COMPONENTS.map(({ key, title }) => {
              const row = byKey.get(key)
              return (
                <TableRow key={key} data-component={key}>
                  {/* The component's name as the server words it (the template's title). */}
                  <TableHeaderCell scope="row" translate="no">
                    {row?.label ?? title}
                  </TableHeaderCell>
                  {COLUMNS.map((c) => (
                    <YesNoCell key={c} value={row ? row[c] : false} />
                  ))}
                  <OpenThreadsCell documentId={documentId} row={row} label={row?.label ?? title} />
                </TableRow>
              )
            })}
          </TableBody>
        </Table>
      </section>
    </div>
  )
}

function YesNoCell({ value }: { readonly value: ComponentReadiness['present'] }) {
  const { t } = useTranslation('readiness')
  return (
    <TableCell className={value ? 'yes' : 'no'}>
      <Icon name={value ? 'check' : 'close'} size={16} />
      {value ? t('yes') : t('no')}
    </TableCell>
  )
}

function OpenThreadsCell({
  documentId,
  row,
  label,
}: {
  readonly documentId: string
  readonly row: ComponentReadiness | undefined
  readonly label: string
}) {
  const { t } = useTranslation('readiness')
  const count = row?.openThreads ?? 0
  const thread = row?.openThreadId ?? null
  return (
    <TableCell className="open-threads" data-testid="readiness-open-threads">
      {count === 0 || thread === null ? (
        t('noOpenThreads')
      ) : (
        <Link
          to={`${documentPath(documentId)}?${THREAD_LINK_PARAM}=${encodeURIComponent(thread)}`}
          aria-label={t('openThreadsLink', { count, component: label })}
        >
          {t('openThreads', { count })}
        </Link>
      )}
    </TableCell>
  )
}
