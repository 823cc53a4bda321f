// The PDF/A's XMP metadata stays well-formed XML whatever the title and the senders hold, and says
// the same as the Info dictionary: a title with "&", "<", quotes or an apostrophe ("Regio's") made
// pdfkit write invalid XML, which a PDF/A validator (and so the Archiefwet copy) refuses. Read back
// as a reader's software does: pdf.js parses the XMP (and gives nothing for XML it cannot read).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { describe, expect, it } from 'vitest'
import { renderDossier } from './renderDossier.ts'
import { sampleDossier } from './testing/sampleDossier.ts'

const TITLE = "Ontwikkelperspectief “Regio’s” & <omgeving> van 't Gooi"

describe('the PDF/A metadata', () => {
  it('is well-formed XML with the title and senders as given, equal to the Info dictionary', async () => {
    const bytes = await renderDossier({ ...sampleDossier(), title: TITLE }, 'pdf')
    const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false }).promise
    const { info: rawInfo, metadata } = await pdf.getMetadata()
    const info = rawInfo as { Title?: unknown; Author?: unknown }
    expect(info.Title).toBe(TITLE)
    expect(metadata, 'the XMP packet parses').not.toBeNull()
    expect(metadata?.get('dc:title')).toBe(TITLE)
    expect(metadata?.get('dc:creator')).toEqual([info.Author])
  })
})
