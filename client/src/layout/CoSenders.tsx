// The senders of a document, as in the Rijkshuisstijl's co-branding of joint publications: the Rijk
// (with the ministry that leads the area) and the province or provinces, side by side as wordmarks.
// An ontwikkelperspectief is sent by the Rijk and the provinces of its NOVEX area; a ruimtelijk
// voorstel by the Rijk and its province. Organisation names are data, not interface text.
import { AREAS, PROVINCES } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import type { ClientDocumentDetail } from '../api/documents.ts'

interface Sender {
  readonly key: string
  readonly name: string
  readonly unit?: string
}

export function CoSenders({ document }: { readonly document: ClientDocumentDetail }) {
  const { t } = useTranslation('documents')
  const area = document.areaId === undefined ? undefined : AREAS.find((a) => a.id === document.areaId)
  const provinceName = (id: string): string => PROVINCES.find((p) => p.id === id)?.name ?? id
  const provinces =
    area !== undefined
      ? area.provinces.map(provinceName)
      : document.provinceId !== undefined
        ? [document.provinceName ?? provinceName(document.provinceId)]
        : []
  const senders: Sender[] = [
    { key: 'rijk', name: t('coSenders.rijk'), ...(area ? { unit: area.rijkLead } : {}) },
    ...provinces.map((name) => ({ key: `provincie-${name}`, name: t('coSenders.province', { name }) })),
  ]
  return (
    <ul className="co-senders" aria-label={t('coSenders.label')} data-testid="co-senders">
      {senders.map((sender) => (
        <li key={sender.key} className={`co-sender co-sender--${sender.key === 'rijk' ? 'rijk' : 'provincie'}`}>
          <span className="co-sender__mark" aria-hidden="true" />
          <span className="co-sender__text">
            <span className="co-sender__name">{sender.name}</span>
            {sender.unit !== undefined && (
              <span className="co-sender__unit" translate="no">
                {sender.unit}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  )
}
