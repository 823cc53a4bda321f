// Dossiers at the edges: nothing signed yet, and text the fonts or formats find awkward. Every format
// must still produce a file that opens, with the title page and the appendix.
import { beforeAll, describe, expect, it } from 'vitest'
import type { Dossier } from './dossier.ts'
import { LABELS } from './dossierText.ts'
import { renderDossier } from './renderDossier.ts'
import { readDocx, readMarkdown, readOdt, readPdf } from './testing/readBack.ts'
import { sampleDossier } from './testing/sampleDossier.ts'

// "&amp;" and "&lt;" are text the user typed: they must come back as typed, not as "&" and "<".
const AWKWARD = 'Tekst met emoji 🚜, Grieks αβγ, een zeer lang woord '.concat(
  'x'.repeat(300),
  ' en <b>&amp;</b> &lt;i&gt; &foo;.',
)

function emptyDossier(): Dossier {
  return { ...sampleDossier(), sections: [], ledger: [] }
}

function awkwardDossier(): Dossier {
  const base = sampleDossier()
  const [first] = base.sections
  if (!first) throw new Error('sample has a section')
  return {
    ...base,
    title: 'Ontwikkelperspectief “De Peel” & <omgeving>',
    sections: [
      {
        ...first,
        depth: 9,
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: AWKWARD }] },
          { type: 'paragraph' },
          { type: 'bulletList', content: [{ type: 'listItem' }] },
          {
            type: 'orderedList',
            attrs: { start: 7 },
            content: [
              { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'zeven' }] }] },
            ],
          },
        ],
      },
    ],
  }
}

const readers = {
  pdf: readPdf,
  docx: readDocx,
  odt: async (bytes: Uint8Array) => readOdt(bytes),
  md: async (bytes: Uint8Array) => readMarkdown(bytes),
} as const

describe.each(Object.keys(readers) as (keyof typeof readers)[])('%s at the edges', (format) => {
  const texts: Record<'empty' | 'awkward', string> = { empty: '', awkward: '' }
  beforeAll(async () => {
    texts.empty = (await readers[format](await renderDossier(emptyDossier(), format))).text.replace(/\s+/g, ' ')
    texts.awkward = (await readers[format](await renderDossier(awkwardDossier(), format))).text.replace(/\s+/g, ' ')
  }, 60_000)

  it('renders a dossier without sections or ledger: title page and an appendix that says so', () => {
    expect(texts.empty).toContain('Ministerie van LVVN en Provincie Noord-Brabant')
    expect(texts.empty).toContain(LABELS.noSignedSections)
    expect(texts.empty).toContain(LABELS.emptyLedger)
  })

  it('keeps awkward text, special characters in the title, empty nodes and deep sections', () => {
    expect(texts.awkward).toContain('Ontwikkelperspectief “De Peel” & <omgeving>')
    // The PDF fonts have no emoji: the code point stands in, so nothing silently disappears.
    expect(texts.awkward).toContain(format === 'pdf' ? 'emoji [U+1F69C], Grieks αβγ' : 'emoji 🚜, Grieks αβγ')
    expect(texts.awkward).toContain('<b>&amp;</b> &lt;i&gt; &foo;.')
    expect(texts.awkward).toContain('zeven')
    // PDF breaks the long word over lines; the letters are all there.
    expect(texts.awkward.replace(/ /g, '')).toContain('x'.repeat(300))
  })
})
