// The senders of a document, as in the Rijkshuisstijl's co-branding of joint publications: the Rijk
// (with the ministry that leads the area) and the province or provinces, side by side as wordmarks.
// Who they are is @novex/shared's `documentSenders`, the rule the exported dossier follows too: the Rijk
// and the provinces of an ontwikkelperspectief's NOVEX area, or the Rijk and a ruimtelijk voorstel's
// province. Organisation names are data, not interface text.
import { documentSenders } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import type { ClientDocumentDetail } from '../api/documents.ts'

interface Sender {
  readonly key: string
  readonly name: string
  readonly unit?: string
}

export function CoSenders({ document }: { readonly document: ClientDocumentDetail }) {
  const { t } = useTranslation('documents')
  const { rijkLead, provinces } = documentSenders(document)
  const senders: Sender[] = [
    { key: 'rijk', name: t('coSenders.rijk'), ...(rijkLead !== null ? { unit: rijkLead } : {}) },
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
