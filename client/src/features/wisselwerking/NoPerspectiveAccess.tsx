// The wisselwerking of an area for someone who may open a voorstel of it (staff of its province may
// always) but not the area's ontwikkelperspectief: no matrix, but why, whom to ask, and the voorstellen
// they may open.
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { WisselwerkingVoorstel } from '../../api/links.ts'

export interface NoPerspectiveAccessProps {
  readonly areaName: string
  readonly voorstellen: readonly WisselwerkingVoorstel[]
}

export function NoPerspectiveAccess({ areaName, voorstellen }: NoPerspectiveAccessProps) {
  const { t } = useTranslation('wisselwerking')
  return (
    <section className="panel" aria-labelledby="no-perspective-title" data-testid="wisselwerking-no-perspective">
      <h2 id="no-perspective-title" className="panel__title">
        {t('noPerspective.title')}
      </h2>
      <p>{t('noPerspective.why', { area: areaName })}</p>
      {voorstellen.length > 0 && (
        <>
          <p>{t('noPerspective.voorstellen', { count: voorstellen.length })}</p>
          <ul>
            {voorstellen.map((voorstel) => (
              <li key={voorstel.documentId}>
                <Link to={`/document/${encodeURIComponent(voorstel.documentId)}`} translate="no">
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
