// The round report as a file: Markdown (user text escaped, so nothing in a title becomes markup) and
// PDF (pdfkit with the embedded DejaVu fonts the dossier uses). The report comes with its links named
// for the reader (linkLabels.ts): each link added or removed in the round is listed by its target.
import type { CountsByOrganisation, DiffPart, RoundReport } from '@novex/shared'
import { formatDateTime } from '../export/dossierText.ts'
import { escapeMarkdownText } from '../export/markdownEscape.ts'
import { pdfFontPath } from '../export/pdfFonts.ts'
import { linkTargetText } from './linkLabels.ts'

export const REPORT_FORMATS = ['md', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

function counts(byOrganisation: CountsByOrganisation): string {
  const entries = Object.entries(byOrganisation)
  if (entries.length === 0) return 'geen'
  return entries.map(([organisation, n]) => `${n} (${organisation})`).join(', ')
}

/** "1 woord", "3 woorden". */
const wordCount = (n: number): string => `${n} ${n === 1 ? 'woord' : 'woorden'}`

/** The links added and removed in the round, each on a line of its own (a reviewer checks them). */
function linkLines(parts: readonly DiffPart[]): string[] {
  const added = parts.filter((p) => p.link && p.added)
  const removed = parts.filter((p) => p.link && p.removed)
  if (added.length + removed.length === 0) return []
  return [
    `Koppelingen: ${added.length} toegevoegd, ${removed.length} verwijderd`,
    ...added.map((p) => `Koppeling toegevoegd: ${p.link ? linkTargetText(p.link) : ''}`),
    ...removed.map((p) => `Koppeling verwijderd: ${p.link ? linkTargetText(p.link) : ''}`),
  ]
}

function reportLines(report: RoundReport): { heading: string; lines: string[] }[] {
  return report.sections.map((section) => ({
    heading: `${section.number} ${section.title}`,
    lines: [
      `Geopend: ${counts(section.opened)}`,
      `Afgehandeld: ${counts(section.resolved)}`,
      `Nog open: ${counts(section.open)}`,
      `Tekst: ${wordCount(section.changes.inserted)} toegevoegd, ${wordCount(section.changes.deleted)} verwijderd`,
      ...linkLines(section.changes.parts),
    ],
  }))
}

function summary(report: RoundReport): string {
  return `Reacties: ${report.totals.opened} geopend, ${report.totals.resolved} afgehandeld, ${report.totals.open} nog open.`
}

export function reportMarkdown(report: RoundReport, documentTitle: string): string {
  const out = [
    `# Verslag ${escapeMarkdownText(report.name, true)} — ${escapeMarkdownText(documentTitle, false)}`,
    '',
    `Van ${formatDateTime(report.openedAt)} tot ${formatDateTime(report.closedAt)}.`,
    '',
    summary(report),
    '',
  ]
  for (const block of reportLines(report)) {
    out.push(`## ${escapeMarkdownText(block.heading, false)}`, '')
    for (const line of block.lines) out.push(`- ${escapeMarkdownText(line, false)}`)
    out.push('')
  }
  return out.join('\n')
}

export async function reportPdf(report: RoundReport, documentTitle: string): Promise<Uint8Array> {
  // Loaded on first use: pdfkit is 5 MB of heap, and a server that never makes a report need not hold it.
  const { default: PDFDocument } = await import('pdfkit')
  return new Promise((resolve, reject) => {
    const pdf = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Verslag ${report.name}` } })
    const chunks: Buffer[] = []
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk))
    pdf.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))))
    pdf.on('error', reject)
    pdf.registerFont('regular', pdfFontPath('regular'))
    pdf.registerFont('bold', pdfFontPath('bold'))
    pdf.font('bold').fontSize(18).text(`Verslag ${report.name}`)
    pdf.font('regular').fontSize(12).text(documentTitle)
    pdf.moveDown().text(`Van ${formatDateTime(report.openedAt)} tot ${formatDateTime(report.closedAt)}.`)
    pdf.text(summary(report)).moveDown()
    for (const block of reportLines(report)) {
      pdf.font('bold').fontSize(13).text(block.heading)
      pdf.font('regular').fontSize(11)
      for (const line of block.lines) pdf.text(`• ${line}`)
      pdf.moveDown(0.5)
    }
    pdf.end()
  })
}
