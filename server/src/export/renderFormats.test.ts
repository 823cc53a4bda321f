// What each file format needs beyond its text: a valid ODF package whose styles all exist, a PDF/A
// with embedded fonts and Dutch as its language, a DOCX with real heading styles and external links.
import { beforeAll, describe, expect, it } from 'vitest'
import { renderDocx } from './renderDocx.ts'
import { renderOdt } from './renderOdt.ts'
import { renderPdf } from './renderPdf.ts'
import { readOdt, unzip } from './testing/readBack.ts'
import { sampleDossier } from './testing/sampleDossier.ts'

// Rendered once: pdfkit and the fonts take seconds on a busy two-core machine.
const empty = (): Uint8Array => new Uint8Array()
const rendered = { odt: empty(), pdf: empty(), docx: empty() }
beforeAll(async () => {
  rendered.odt = await renderOdt(sampleDossier())
  rendered.pdf = await renderPdf(sampleDossier())
  rendered.docx = await renderDocx(sampleDossier())
}, 60_000)

describe('ODT package', () => {
  it('starts with the mimetype entry, stored, and lists every part in the manifest', () => {
    const odt = readOdt(rendered.odt)
    expect(odt.firstEntry).toBe('mimetype')
    expect(odt.firstEntryStored).toBe(true)
    expect(odt.files.mimetype).toBe('application/vnd.oasis.opendocument.text')
    const manifest = odt.files['META-INF/manifest.xml'] ?? ''
    for (const part of ['content.xml', 'styles.xml', 'meta.xml']) {
      expect(odt.files[part]).toBeDefined()
      expect(manifest).toContain(`manifest:full-path="${part}"`)
    }
    expect(odt.files['meta.xml']).toContain('<dc:title>Ontwikkelperspectief De Peel</dc:title>')
    expect(odt.files['meta.xml']).toContain('<dc:language>nl-NL</dc:language>')
  })

  it('defines every style that content.xml uses', () => {
    const { files } = readOdt(rendered.odt)
    const content = files['content.xml'] ?? ''
    const defined = new Set(
      [
        ...`${content}${files['styles.xml']}`.matchAll(/<(?:style:style|text:list-style)[^>]* style:name="([^"]+)"/g),
      ].map((m) => m[1]),
    )
    const used = new Set([...content.matchAll(/text:style-name="([^"]+)"/g)].map((m) => m[1]))
    expect(used.size).toBeGreaterThan(5)
    for (const name of used) expect(defined, `style ${name}`).toContain(name)
  })

  it('keeps headings as outline headings and escapes user text in the XML', () => {
    const { files } = readOdt(rendered.odt)
    const content = files['content.xml'] ?? ''
    expect(content).toMatch(/<text:h text:style-name="[^"]*Heading_20_1" text:outline-level="1">1 De hoofdopgave/)
    expect(content).toContain('&lt;script&gt;')
    expect(content).not.toContain('<script>')
  })
})

describe('PDF', () => {
  it('is PDF/A-2b with embedded fonts, Dutch language and document info', () => {
    const raw = new TextDecoder('latin1').decode(rendered.pdf)
    expect(raw.startsWith('%PDF-1.7')).toBe(true)
    expect(raw).toMatch(/pdfaid:part>2</)
    expect(raw).toMatch(/pdfaid:conformance>B</)
    expect(raw).toContain('/Lang (nl-NL)')
    expect(raw).toContain('/FontFile2')
    // The 14 standard fonts are not embedded, which PDF/A forbids: none may be used.
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/)
  })

  it('is tagged: a structure tree with headings, paragraphs and lists, the footer as an artifact', () => {
    const raw = new TextDecoder('latin1').decode(rendered.pdf)
    expect(raw).toContain('/MarkInfo')
    expect(raw).toContain('/Marked true')
    expect(raw).toContain('/StructTreeRoot')
    for (const type of ['/Document', '/H1', '/H2', '/P', '/L', '/LI', '/Lbl', '/LBody', '/BlockQuote']) {
      expect(raw).toContain(`/S ${type}\n`)
    }
  })
})

describe('DOCX', () => {
  it('uses the built-in heading styles, Dutch as language and external links only for safe targets', () => {
    const parts = unzip(rendered.docx)
    const xml = parts['word/document.xml'] ?? ''
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/)
    expect(`${xml}${parts['word/styles.xml']}`).toContain('w:val="nl-NL"')
    const rels = parts['word/_rels/document.xml.rels'] ?? ''
    expect(rels).toContain('Target="https://www.rijksoverheid.nl/npg?bron=novex&amp;taal=nl" TargetMode="External"')
    expect(rels).not.toMatch(/javascript:|data:/i)
    expect(parts['docProps/core.xml']).toContain('Ontwikkelperspectief De Peel')
  })
})
