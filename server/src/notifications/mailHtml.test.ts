import { describe, expect, it } from 'vitest'
import { mailHtml } from './mailHtml.ts'

const publicUrl = new URL('https://novex.example.nl/editor')
const link = 'https://novex.example.nl/editor/document/de-peel?reactie=t1&x=1'

const body = [
  'Bram Jansen (Provincie Noord-Brabant) noemt u in een reactie bij "Keuzes":',
  '',
  '> Klopt <dit> peil & die kaart?',
  '> ',
  '> Zie https://evil.example/inloggen',
  '',
  'Het gaat over de tekst: "de Peelvenen"',
  'Bekijk en beantwoord de reactie in de editor:',
  link,
  '',
  'Onderdelen:',
  '- "Hoofdopgave"',
  '- "Keuzes"',
  '',
  '-- ',
  'U krijgt dit bericht omdat u in de reactie wordt genoemd.',
  'Geen e-mail meer? Zet "Meldingen per e-mail" uit.',
].join('\n')

describe('the HTML part of a mail', () => {
  const html = mailHtml('Bram <noemt> u — De Peel', body, publicUrl, 'nl')

  it('is a whole document in the recipient language, titled with the escaped subject', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="nl">/)
    expect(html).toContain('<title>Bram &lt;noemt&gt; u — De Peel</title>')
    expect(mailHtml('x', 'y', publicUrl, 'en')).toContain('<html lang="en">')
  })

  it('escapes what people wrote, and shows a quotation as one block with its empty line', () => {
    expect(html).not.toContain('<dit>')
    expect(html).toMatch(
      /<blockquote style="[^"]*">Klopt &lt;dit&gt; peil &amp; die kaart\?<br><br>Zie https:\/\/evil\.example\/inloggen<\/blockquote>/,
    )
  })

  it('links only to the editor: an address someone wrote stays text', () => {
    expect(html).toContain(
      `<a href="${link.replace('&', '&amp;')}" style="color:#154273;text-decoration:underline;word-break:break-all">`,
    )
    expect(html).not.toContain('href="https://evil.example')
    expect(html.match(/<a /g)).toHaveLength(1)
  })

  it('keeps paragraphs, lists and the signature apart', () => {
    expect(html).toContain('<p style="margin:0 0 14px 0">Het gaat over de tekst: &quot;de Peelvenen&quot;<br>')
    expect(html).toContain('<ul style="margin:0 0 14px 0;padding-left:22px"><li>&quot;Hoofdopgave&quot;</li><li>')
    expect(html).toMatch(/<hr style="[^"]*">\n<p style="margin:0;font-size:13px;color:#555555">U krijgt dit bericht/)
    expect(html).not.toContain('-- ')
  })
})
