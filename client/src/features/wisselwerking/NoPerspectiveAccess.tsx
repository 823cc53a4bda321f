// The wisselwerking of an area without a perspective to show: the area has none yet, the reader may
// open a voorstel of it (staff of its province may always) but not its ontwikkelperspectief, or the
// server cannot open the perspective for now. No matrix, but why (and whom to ask), and the voorstellen
// they may open.
import { documentPath, type PerspectiveMissing, type WisselwerkingDocument } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'

export interface NoPerspectiveAccessProps {
  readonly areaName: string
  readonly missing: PerspectiveMissing
  readonly voorstellen: readonly WisselwerkingDocument[]
}

export function NoPerspectiveAccess({ areaName, missing, voorstellen }: NoPerspectiveAccessProps) {
  const { t } = useTranslation('wisselwerking')
  return (
    <section
      className="panel"
      aria-labelledby="no-perspective-title"
      data-testid="wisselwerking-no-perspective"
      data-missing={missing}
    >
      <h2 id="no-perspective-title" className="panel__title">
        {t(`noPerspective.${missing}.title`)}
      </h2>
      <p>{t(`noPerspective.${missing}.why`, { area: areaName })}</p>
      {voorstellen.length > 0 && (
        <>
          <p>{t('noPerspective.voorstellen', { count: voorstellen.length })}</p>
          <ul>
            {voorstellen.map((voorstel) => (
              <li key={voorstel.documentId}>
                <Link to={documentPath(voorstel.documentId)} translate="no">
                  {voorstel.documentTitle}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
