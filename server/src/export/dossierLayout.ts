// What goes into the dossier and in which order, for every format: the title page with every co-sender
// (the Rijk and each province) and an ontwikkelperspectief's status, each section under its numbered
// heading (content only when locked), then the sign-off appendix and, right after it, the recorded
// decisions. A renderer only implements DossierWriter: how a title page and blocks look in its format.
import { setImmediate as nextTurn } from 'node:timers/promises'
import { type Block, contentBlocks, MAX_HEADING_LEVEL, text } from './contentBlocks.ts'
import { decisionBlocks } from './decisionBlocks.ts'
import type { Dossier, DossierSection } from './dossier.ts'
import { formatDate, LABELS, numberedTitle, sendersLine } from './dossierText.ts'
import { appendixBlocks } from './signoffAppendix.ts'

export interface TitlePage {
  readonly title: string
  readonly kind: string
  /** Label and value pairs: senders, area, status (an ontwikkelperspectief's), date. */
  readonly facts: readonly { readonly label: string; readonly value: string }[]
  /** "Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg": also the document metadata's author. */
  readonly senders: string
}

export interface DossierWriter {
  titlePage(page: TitlePage): void
  /** `pageBreak` asks for a new page before the blocks (the appendix). */
  blocks(blocks: readonly Block[], options?: { readonly pageBreak?: boolean }): void
  finish(): Promise<Uint8Array>
}

export type OnProgress = (done: number, total: number) => void

export function titlePageOf(dossier: Dossier): TitlePage {
  const senders = sendersLine(dossier.coSenders)
  return {
    title: dossier.title,
    kind: LABELS.dossierKind,
    senders,
    facts: [
      { label: LABELS.senders, value: senders },
      { label: LABELS.area, value: dossier.areaName },
      ...(dossier.status ? [{ label: LABELS.status, value: dossier.status.title }] : []),
      { label: LABELS.date, value: formatDate(dossier.generatedAt) },
    ],
  }
}

export function sectionBlocks(section: DossierSection): Block[] {
  const level = Math.min(section.depth + 1, MAX_HEADING_LEVEL)
  const heading: Block[] = [{ kind: 'heading', level, inlines: [text(numberedTitle(section.number, section.title))] }]
  // A retitled required section still says which of the eight components it is, so the reader at the
  // BO-MIRT can check that all are there.
  if (section.componentLabel && section.componentLabel !== section.title) {
    heading.push({
      kind: 'paragraph',
      inlines: [text(`${LABELS.component}: ${section.componentLabel}`, { italic: true })],
    })
  }
  // The dossier holds exactly what both parties signed: an unlocked section's content is left out even
  // when the caller passed it.
  if (!section.locked) return [...heading, { kind: 'paragraph', inlines: [text(LABELS.notIncluded, { italic: true })] }]
  return [...heading, ...contentBlocks(section.content, level)]
}

/**
 * Drives a writer through the dossier; progress counts the sections plus one for the appendix (with the
 * decisions).
 */
export async function writeDossier(
  dossier: Dossier,
  writer: DossierWriter,
  onProgress?: OnProgress,
): Promise<Uint8Array> {
  const total = dossier.sections.length + 1
  writer.titlePage(titlePageOf(dossier))
  for (const [index, section] of dossier.sections.entries()) {
    // The first section starts on a new page, so the title page stands alone.
    writer.blocks(sectionBlocks(section), { pageBreak: index === 0 })
    onProgress?.(index + 1, total)
    // A large dossier renders for a while: give the event loop a turn between sections so the server
    // keeps syncing documents meanwhile.
    await nextTurn()
  }
  writer.blocks([...appendixBlocks(dossier), ...decisionBlocks(dossier)], { pageBreak: true })
  const bytes = await writer.finish()
  onProgress?.(total, total)
  return bytes
}
