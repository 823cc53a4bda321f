// The wisselwerking of one area as a table: the perspective's sections as rows, the voorstellen's
// sections as columns (grouped per voorstel), and in each cell whether the two are linked and in what
// state, in words with an icon. Row and column headers are real headers (scope), so a screen reader
// names both when it reads a cell; the headers link to the sections.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Wisselwerking } from '../../api/links.ts'
import { LinkStateIcon } from '../links/LinkStateIcon.tsx'
import { sectionHref, sectionLabel, stateLabel } from '../links/linkText.ts'
import { type MatrixCell, type MatrixIndex, WHOLE_DOCUMENT } from './matrixCells.ts'

export interface WisselwerkingMatrixProps {
  readonly data: Wisselwerking
  readonly index: MatrixIndex
  readonly captionId: string
}

export function WisselwerkingMatrix({ data, index, captionId }: WisselwerkingMatrixProps) {
  const { t } = useTranslation('wisselwerking')
  const perspectiveId = data.perspective.documentId
  return (
    // A wide table scrolls on its own, keyboard included (tabIndex), without moving the page.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <section className="matrix-scroll" tabIndex={0} aria-labelledby={captionId}>
      <table className="matrix" data-testid="wisselwerking">
        <caption id={captionId} className="matrix__caption">
          {t('caption')}
        </caption>
        <colgroup span={1} />
        {data.voorstellen.map((voorstel) => (
          <colgroup key={voorstel.documentId} span={Math.max(1, voorstel.sections.length)} />
        ))}
        <thead>
          <tr>
            <td className="matrix__corner" />
            {data.voorstellen.map((voorstel) => (
              <th
                key={voorstel.documentId}
                scope="colgroup"
                colSpan={Math.max(1, voorstel.sections.length)}
                className="matrix__document"
                translate="no"
              >
                {voorstel.documentTitle}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className="matrix__corner">
              {t('rowHeader')}
            </th>
            {data.voorstellen.map((voorstel) =>
              voorstel.sections.length === 0 ? (
                <th
                  key={voorstel.documentId}
                  scope="col"
                  className="matrix__column"
                  data-unavailable={voorstel.available ? undefined : 'true'}
                >
                  {voorstel.available ? t('noSections') : t('unavailableColumn')}
                </th>
              ) : (
                voorstel.sections.map((section) => (
                  <th
                    key={`${voorstel.documentId}/${section.sectionId}`}
                    scope="col"
                    className="matrix__column"
                    data-section-id={section.sectionId}
                  >
                    <Link to={sectionHref(voorstel.documentId, section.sectionId)} translate="no">
                      {sectionLabel(t, section.number, section.title)}
                    </Link>
                  </th>
                ))
              ),
            )}
          </tr>
        </thead>
        <tbody>
          {data.perspective.sections.map((row) => (
            <tr key={row.sectionId} data-section-id={row.sectionId}>
              <th scope="row" className="matrix__row">
                <Link to={sectionHref(perspectiveId, row.sectionId)} translate="no">
                  {sectionLabel(t, row.number, row.title)}
                </Link>
              </th>
              {data.voorstellen.map((voorstel) =>
                voorstel.sections.length === 0 ? (
                  voorstel.available ? (
                    <td key={voorstel.documentId} className="matrix__cell" />
                  ) : (
                    <MatrixCellView
                      key={voorstel.documentId}
                      cell={index.cell(row.sectionId, voorstel.documentId, WHOLE_DOCUMENT)}
                      targetSectionId={WHOLE_DOCUMENT}
                    />
                  )
                ) : (
                  voorstel.sections.map((column) => (
                    <MatrixCellView
                      key={`${voorstel.documentId}/${column.sectionId}`}
                      cell={index.cell(row.sectionId, voorstel.documentId, column.sectionId)}
                      targetSectionId={column.sectionId}
                    />
                  ))
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

/** One cell: the state of its links that most needs attention, in words with an icon, or "geen koppeling". */
function MatrixCellView({
  cell,
  targetSectionId,
}: {
  readonly cell: MatrixCell | undefined
  readonly targetSectionId: string
}) {
  const { t } = useTranslation('wisselwerking')
  return (
    <td
      className={`matrix__cell${cell ? ` matrix__cell--${cell.state}` : ''}`}
      data-state={cell?.state ?? 'none'}
      data-target-section-id={targetSectionId}
    >
      {cell ? (
        <span className="matrix__state">
          <LinkStateIcon state={cell.state} />
          {stateLabel(t, cell.state)}
          {cell.count > 1 && ` ${t('count', { n: cell.count })}`}
        </span>
      ) : (
        <>
          <span aria-hidden="true">{'–'}</span>
          <span className="visually-hidden">{t('noLink')}</span>
        </>
      )}
    </td>
  )
}
