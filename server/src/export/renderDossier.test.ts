// Every format, rendered from the sample dossier and read back with a reader's software: every co-sender
// (the Rijk and both provinces of De Peel, on the title page and as the file's author) and the status,
// the locked text with its diacritics, the unlocked section reduced to its heading and the "niet
// opgenomen" line, the appendix with signers and hashes, the decisions after it, and no live
// javascript:/data: link. A ruimtelijk voorstel has neither status nor decisions.
import { beforeAll, describe, expect, it } from 'vitest'
import { EXPORT_FORMATS } from './dossier.ts'
import { LABELS } from './dossierText.ts'
import { renderDossier } from './renderDossier.ts'
import { type ReadBack, readAuthors, readMarkdown } from './testing/readBack.ts'
import { DECISION_LINES } from './testing/sampleDecisions.ts'
import {
  DIACRITICS_TEXT,
  HASH_LAPSED,
  HASH_LOCKED,
  HASH_SUB,
  NPLG_HREF,
  SENDERS_LINE,
  sampleDossier,
  UNKNOWN_NODE_TEXT,
  UNLOCKED_TEXT,
} from './testing/sampleDossier.ts'
import { flat, READERS } from './testing/testDossiers.ts'

describe.each(EXPORT_FORMATS)('%s dossier', (format) => {
  let read: ReadBack & { readonly bytes: Uint8Array }
  // Rendering and reading back once per format; pdf.js and the fonts take a few seconds on a busy machine.
  beforeAll(async () => {
    const bytes = await renderDossier(sampleDossier(), format)
    read = { bytes, ...(await READERS[format](bytes)) }
  }, 60_000)

  it('names every co-sender, the title, the area and the date on the title page', async () => {
    const { text } = read
    const start = flat(text).slice(0, 400)
    expect(start).toContain(`Afzenders: ${SENDERS_LINE}`)
    expect(start).toContain('Ontwikkelperspectief De Peel')
    expect(start).toContain('De Peel')
    expect(start).toContain('28-11-2026')
  })

  it('names every co-sender as the author in the document properties', async () => {
    // PDF: the document info and the XMP (PDF/A); DOCX: core.xml; ODT: the initial and the last creator;
    // Markdown has no document properties.
    const places = { pdf: 2, docx: 1, odt: 2, md: 0 }[format]
    expect(await readAuthors(format, read.bytes)).toEqual(Array.from({ length: places }, () => SENDERS_LINE))
  })

  it("says the ontwikkelperspectief's status on the title page", async () => {
    expect(flat(read.text).slice(0, 400)).toContain('Status: Vastgesteld')
  })

  it('carries the locked section with its text, marks and Dutch characters intact', async () => {
    const text = flat(read.text)
    expect(text).toContain('1 De hoofdopgave en meekoppelende opgaven')
    expect(text).toMatch(/De.{0,4}stikstofdepositie.{0,4} op de .{0,2}Peelvenen.{0,2} moet fors omlaag/)
    expect(text).toContain(DIACRITICS_TEXT)
    expect(text).toContain('Onveilige tekst: <script>alert("x")</script> en *geen nadruk* en [geen](link) en')
    expect(text).toContain('zon en wind langs de A67')
    expect(text).toContain('woningbouw in de kernen')
    expect(text).toContain('Meekoppelende opgaven')
    expect(text).toContain('zie Ruimtelijk voorstel Noord-Brabant, § 4 Wonen en verstedelijking')
    expect(text).toContain(UNKNOWN_NODE_TEXT)
    expect(text).toContain('2.1 Peelvenen en hoogveen')
  })

  it('shows the unlocked section as its heading and the "niet opgenomen" line, without its text', async () => {
    const text = flat(read.text)
    const heading = text.indexOf('2 Toekomstbestendig: kenmerken en identiteit van het gebied')
    const notice = text.indexOf(LABELS.notIncluded)
    expect(heading).toBeGreaterThan(-1)
    expect(notice).toBeGreaterThan(heading)
    expect(notice).toBeLessThan(text.indexOf('2.1 Peelvenen en hoogveen'))
    expect(text).not.toContain(UNLOCKED_TEXT)
  })

  it('ends with the sign-off appendix: signers, sides, times, hashes and the ledger in order', async () => {
    const text = flat(read.text)
    const appendix = text.slice(text.lastIndexOf(LABELS.appendix))
    expect(text.lastIndexOf(LABELS.appendix)).toBeGreaterThan(text.indexOf('2.1 Peelvenen en hoogveen'))
    for (const expected of [
      'Anne de Vries',
      'Joost van Eijk',
      'Ministerie van LVVN (Rijk)',
      'Provincie Noord-Brabant (Provincie)',
      '01-04-2026 00:30', // 31-03 22:30 UTC in Amsterdam summer time
      '02-04-2026 10:15',
      HASH_LOCKED,
      HASH_SUB,
      HASH_LAPSED,
      'gewijzigd na ondertekening',
    ]) {
      expect(appendix).toContain(expected)
    }
    const ledger = appendix.slice(appendix.indexOf(LABELS.ledger))
    const order = ['aangeboden ter ondertekening', 'ondertekend', 'vervallen', 'vergrendeld'].map((kind) =>
      ledger.indexOf(`— ${kind} —`),
    )
    expect(order.every((at) => at > -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('lists every decision after the appendix, in order, with names and notes intact', async () => {
    const text = flat(read.text)
    const part = text.lastIndexOf(LABELS.decisions)
    expect(part).toBeGreaterThan(text.lastIndexOf(LABELS.ledger))
    const order = DECISION_LINES.map((line) => text.indexOf(line, part))
    expect(order.every((at) => at > -1)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('keeps safe links live and never emits javascript: or data: links', async () => {
    const { links, bytes } = read
    const text = flat(read.text)
    expect(text).toContain('deze knop')
    expect(text).toContain('dit plaatje')
    expect(links).toContain(NPLG_HREF)
    expect(links).toContain('mailto:trekkers@novex.example')
    expect(links).toHaveLength(2)
    // Not anywhere in the file either, compressed parts aside (checked per format below).
    expect(new TextDecoder('latin1').decode(bytes)).not.toMatch(/javascript:|data:text/i)
    expect(text).not.toMatch(/javascript:|data:text/i)
  })
})

describe.each(EXPORT_FORMATS)('%s dossier of a ruimtelijk voorstel', (format) => {
  let text = ''
  beforeAll(async () => {
    const voorstel = { ...sampleDossier(), title: 'Ruimtelijk voorstel Noord-Brabant', status: null }
    text = flat((await READERS[format](await renderDossier(voorstel, format))).text)
  }, 60_000)

  it('has neither a status line nor decisions', () => {
    expect(text).toContain('Ruimtelijk voorstel Noord-Brabant')
    expect(text).toContain(LABELS.ledger)
    expect(text).not.toContain('Status:')
    expect(text).not.toContain(LABELS.decisions)
    for (const line of DECISION_LINES) expect(text).not.toContain(line)
  })
})

describe('progress', () => {
  it('reports each section and then the appendix, ending at total', async () => {
    const calls: [number, number][] = []
    await renderDossier(sampleDossier(), 'md', (done, total) => calls.push([done, total]))
    expect(calls).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ])
  })
})

describe('markdown escaping in the dossier', () => {
  it('turns no user text into HTML or emphasis, even in a viewer that allows raw HTML', async () => {
    const { source, html } = readMarkdown(await renderDossier(sampleDossier(), 'md'))
    expect(source).toContain('\\<script\\>alert("x")\\</script\\>')
    expect(source).toContain('\\*geen nadruk\\*')
    expect(source).toContain('\\[geen\\](link)')
    expect(source).toContain('\\# geen kop en 1. geen lijst')
    expect(html).not.toMatch(/<script|<em>geen nadruk|<a href="link"|<h\d>geen kop/)
    expect(html).toContain('&lt;script&gt;')
    // The editor's own marks do become Markdown.
    expect(html).toContain('<strong>stikstofdepositie</strong>')
    expect(html).toContain('<em>Peelvenen</em>')
    expect(html).toContain('<s>doorgehaald</s>')
    expect(html).toContain('<code>code_mark</code>')
  })
})
