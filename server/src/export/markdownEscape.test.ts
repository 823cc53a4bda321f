import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { codeFence, codeSpan, escapeMarkdownText, linkDestination } from './markdownEscape.ts'

// Rendered with raw HTML allowed, as the most permissive viewer would: only our escaping protects.
const md = new MarkdownIt({ html: true, linkify: true })
const render = (source: string) => md.render(source).trim()

describe('escapeMarkdownText', () => {
  it('keeps HTML as text', () => {
    const out = escapeMarkdownText('<script>alert(1)</script> <img src=x onerror=alert(1)>', true)
    expect(out).toBe('\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>')
    expect(render(out)).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</p>')
  })

  it('keeps emphasis, links, code, entities and autolinks as text', () => {
    // A CommonMark autolink takes any scheme, so <javascript:…> is the dangerous one.
    const source = '*a* **b** _c_ ~~d~~ [e](javascript:alert(1)) `f` &amp; <javascript:alert(1)> ![g](h)'
    const html = render(escapeMarkdownText(source, true))
    expect(html).not.toMatch(/<(em|strong|s|a|code|img)\b/)
    expect(html).toBe(`<p>${source.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</p>`)
  })

  it('escapes block markers at the start of a line only', () => {
    for (const line of [
      '# kop',
      '- punt',
      '+ punt',
      '1. item',
      '2) item',
      '= onderlijnd',
      '> citaat',
      '    ingesprongen',
    ]) {
      const html = render(escapeMarkdownText(line, true))
      expect(html).toBe(`<p>${line.trim().replace(/>/g, '&gt;')}</p>`)
    }
    expect(escapeMarkdownText('2.1 Titel', false)).toBe('2.1 Titel')
    expect(escapeMarkdownText('2.1 Titel', true)).toBe('2\\.1 Titel')
  })

  it('leaves plain Dutch text alone', () => {
    expect(escapeMarkdownText('Café “De Peel” — € 12, reeën.', true)).toBe('Café “De Peel” — € 12, reeën.')
  })
})

describe('code and links', () => {
  it('code spans and fences cannot be closed by backticks in the text', () => {
    expect(render(codeSpan('a ` b `` c'))).toBe('<p><code>a ` b `` c</code></p>')
    expect(render(codeSpan('<b>'))).toBe('<p><code>&lt;b&gt;</code></p>')
    const code = 'x\n```\n<script>'
    const fence = codeFence(code)
    expect(render(`${fence}\n${code}\n${fence}`)).toBe('<pre><code>x\n```\n&lt;script&gt;\n</code></pre>')
  })

  it('link destinations stay inside their angle brackets', () => {
    expect(linkDestination('https://x.example/a(b)')).toBe('<https://x.example/a(b)>')
    expect(linkDestination('https://x.example/<a> b')).toBe('<https://x.example/%3Ca%3E%20b>')
    // A pipe would end a GFM table cell, even between the brackets.
    expect(linkDestination('https://x.example/a|b')).toBe('<https://x.example/a%7Cb>')
  })
})
