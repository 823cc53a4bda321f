// What the renderer tests build dossiers from and read them back with: one reader per format, the
// nodes of a section's content, and the sample dossier with other content in its locked section.
import type { CanonicalNode } from '@novex/shared'
import { beforeAll } from 'vitest'
import { type Dossier, EXPORT_FORMATS, type ExportFormat } from '../dossier.ts'
import { renderDossier } from '../renderDossier.ts'
import { type ReadBack, readDocx, readMarkdown, readOdt, readPdf } from './readBack.ts'
import { sampleDossier } from './sampleDossier.ts'

/** Each format's read-back: its text, and what else it can tell. */
export const READERS: Record<ExportFormat, (bytes: Uint8Array) => Promise<ReadBack>> = {
  pdf: readPdf,
  docx: readDocx,
  odt: async (bytes) => readOdt(bytes),
  md: async (bytes) => readMarkdown(bytes),
}

/** Whitespace as a reader sees it: line wraps and runs of spaces are one space. */
export const flat = (text: string): string => text.replace(/\s+/g, ' ')

export const p = (value: string): CanonicalNode => ({ type: 'paragraph', content: [{ type: 'text', text: value }] })
export const cell = (...content: CanonicalNode[]): CanonicalNode => ({ type: 'tableCell', content })
export const item = (...content: CanonicalNode[]): CanonicalNode => ({ type: 'listItem', content })

/** An image address of the sample document, for an image named `name`. */
export const src = (name: string): string =>
  `/api/documents/ontwikkelperspectief-de-peel/images/${name.padEnd(64, '0')}`

/** The sample dossier with other content in its locked section, and the given images. */
export function dossierWith(content: CanonicalNode[], images: Dossier['images']): Dossier {
  const base = sampleDossier()
  const [first, ...rest] = base.sections
  if (!first) throw new Error('sample has a section')
  return { ...base, sections: [{ ...first, content }, ...rest], images }
}

/**
 * The dossier rendered in every format, once for the describe block this is called in (filled in by its
 * beforeAll, before the block's tests run).
 */
export function renderedInEveryFormat(dossier: () => Dossier): Readonly<Record<ExportFormat, Uint8Array>> {
  const rendered: Record<ExportFormat, Uint8Array> = {
    pdf: new Uint8Array(),
    docx: new Uint8Array(),
    odt: new Uint8Array(),
    md: new Uint8Array(),
  }
  beforeAll(async () => {
    for (const format of EXPORT_FORMATS) rendered[format] = await renderDossier(dossier(), format)
  }, 60_000)
  return rendered
}
