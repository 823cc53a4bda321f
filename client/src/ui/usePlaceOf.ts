// Where a document belongs, as a catalogue text: "NOVEX-gebied De Peel" or "Provincie Noord-Brabant".
// The area's or province's name is inserted into the sentence, so the whole line is one catalogue text.
import { AREAS, PROVINCES } from '@novex/shared'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDocumentDetail } from '../api/documents.ts'

export type PlacedDocument = ClientDocumentDetail

export function usePlaceOf(): (d: PlacedDocument) => string {
  const { t } = useTranslation('documents')
  return useCallback(
    (d: PlacedDocument): string => {
      if (d.areaId !== undefined) {
        const name = d.areaName ?? AREAS.find((a) => a.id === d.areaId)?.name ?? d.areaId
        return t('place.area', { name })
      }
      if (d.provinceId !== undefined) {
        const name = d.provinceName ?? PROVINCES.find((p) => p.id === d.provinceId)?.name ?? d.provinceId
        return t('place.province', { name })
      }
      return ''
    },
    [t],
  )
}
