// The BO-MIRT dossier as the renderers see it: a plain, already-resolved model. The HTTP route fills it
// from the live document and the sign-off ledger; the renderers only read it, so they stay pure and
// can be tested without a server.
import type {
  CanonicalNode,
  ComponentKey,
  DocumentSenders,
  DocumentStatus,
  LedgerEvent,
  SectionSignoff,
  StatusDecision,
} from '@novex/shared'

export const EXPORT_FORMATS = ['pdf', 'docx', 'odt', 'md'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface DossierSection {
  readonly sectionId: string
  /** Outline number, e.g. "2.1". */
  readonly number: string
  /** 0 = top level. */
  readonly depth: number
  readonly title: string
  readonly component: ComponentKey | null
  readonly componentLabel: string | null
  /** Only locked sections carry content. */
  readonly locked: boolean
  /** ProseMirror JSON (see shared/src/signoff/canonicalSection.ts); empty when not locked. */
  readonly content: readonly CanonicalNode[]
  /** Signatures and the lock {hash, at}. */
  readonly signoff: SectionSignoff
}

/** An image's bytes as stored, for the renderers to embed (they never fetch anything). */
export interface DossierImage {
  readonly mediaType: 'image/png' | 'image/jpeg'
  readonly data: Uint8Array
  /** Pixel size of the image as stored. */
  readonly width: number
  readonly height: number
}

/** Where an ontwikkelperspectief stands (docs/status.md), and the trekkers' decisions that got it there. */
export interface DossierStatus {
  readonly status: DocumentStatus
  /**
   * Its Dutch title, e.g. "Vastgesteld" (`DOCUMENT_STATUS_TITLES`), resolved by the caller: the renderers
   * run in worker threads that cannot load @novex/shared at run time.
   */
  readonly title: string
  /** Every recorded decision, in the order recorded. */
  readonly decisions: readonly StatusDecision[]
}

export interface Dossier {
  readonly documentId: string
  /** E.g. "Ontwikkelperspectief De Peel". */
  readonly title: string
  readonly areaName: string
  /**
   * Who sends the document, resolved by the caller with `documentSenders` (@novex/shared), the rule the
   * app's header follows: the Rijk's lead ministry (e.g. "Ministerie van LVVN") and every province, e.g.
   * ["Noord-Brabant", "Limburg"] for De Peel. All of them send it, each is named.
   */
  readonly coSenders: DocumentSenders
  /** Milliseconds since the epoch. */
  readonly generatedAt: number
  /** An ontwikkelperspectief's status; null for a ruimtelijk voorstel, which has none. */
  readonly status: DossierStatus | null
  readonly sections: readonly DossierSection[]
  readonly ledger: readonly LedgerEvent[]
  /** The images the locked sections show, by their `src` (an `image` node's src attribute). May be empty. */
  readonly images: Readonly<Record<string, DossierImage>>
}
