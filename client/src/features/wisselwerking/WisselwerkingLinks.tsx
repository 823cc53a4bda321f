// The document header's way to the wisselwerking overview: for a perspective its own area; for a
// voorstel every area its province takes part in.
import { AREAS } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ClientDocumentDetail } from '../../api/documents.ts'

export function wisselwerkingPath(areaId: string): string {
  return `/gebied/${encodeURIComponent(areaId)}/wisselwerking`
}

export function WisselwerkingLinks({ document }: { readonly document: ClientDocumentDetail }) {
  const { t } = useTranslation('wisselwerking')
  const areas =
    document.areaId !== undefined
      ? AREAS.filter((a) => a.id === document.areaId)
      : document.provinceId !== undefined
        ? AREAS.filter((a) => a.provinces.includes(document.provinceId ?? ''))
        : []
  // An area the product does not know by name (added through the CLI) still gets its link.
  const list =
    areas.length === 0 && document.areaId !== undefined
      ? [{ id: document.areaId, name: document.areaName ?? document.areaId }]
      : areas
  return list.map((area) => (
    <Link
      key={area.id}
      // An NL Design System button link, like the document header's other ways to a page.
      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
      to={wisselwerkingPath(area.id)}
      data-testid="wisselwerking-link"
    >
      {list.length > 1 ? t('linkForArea', { area: area.name }) : t('link')}
    </Link>
  ))
}
