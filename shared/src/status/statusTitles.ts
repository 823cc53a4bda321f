// The Dutch title of each document status, as the server writes it ("Status: Vastgesteld" on a
// dossier's title page), and the name of each side that decides ("Instemming van de regio"). The editor
// says the same through its translations (client i18n, status.json).
import type { SignSide } from '../signoff/signoffRule.ts'
import type { DocumentStatus } from './documentStatus.ts'

export const DOCUMENT_STATUS_TITLES: Readonly<Record<DocumentStatus, string>> = {
  concept: 'Concept',
  'ijkmoment-1': 'IJkmoment 1',
  'ijkmoment-2': 'IJkmoment 2',
  'ijkmoment-3': 'IJkmoment 3',
  'ter-instemming': 'Ter instemming (BOL/BO-MIRT)',
  onderschreven: 'Onderschreven door Rijk en regio',
  vastgesteld: 'Vastgesteld',
}

/** Who decides for a side, in a Dutch sentence: "Dit is voor het Rijk al vastgelegd." */
export const SIDE_NAMES: Readonly<Record<SignSide, string>> = { rijk: 'het Rijk', provincie: 'de regio' }

/** The same in English, for mail to users of the English interface (as the client's en/status.json says). */
export const DOCUMENT_STATUS_TITLES_EN: Readonly<Record<DocumentStatus, string>> = {
  concept: 'Draft',
  'ijkmoment-1': 'Review checkpoint 1',
  'ijkmoment-2': 'Review checkpoint 2',
  'ijkmoment-3': 'Review checkpoint 3',
  'ter-instemming': 'Submitted for consent (BOL/BO-MIRT)',
  onderschreven: 'Endorsed by central government and region',
  vastgesteld: 'Adopted',
}

export const SIDE_NAMES_EN: Readonly<Record<SignSide, string>> = { rijk: 'central government', provincie: 'the region' }
