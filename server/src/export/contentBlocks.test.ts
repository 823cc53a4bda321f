import type { CanonicalNode } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import { type Block, contentBlocks, inlinesOf, inlineText } from './contentBlocks.ts'
import { safeHref } from './safeHref.ts'

const text = (value: string, ...marks: { type: string; attrs?: Record<string, unknown> }[]): CanonicalNode =>
  marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value }

function allText(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.kind) {
        case 'heading':
        case 'paragraph':
          return inlineText(b.inlines)
        case 'list':
          return b.items.map(allText).join('\n')
        case 'quote':
          return allText(b.blocks)
        case 'code':
          return b.text
        case 'rule':
          return ''
      }
      return ''
    })
    .join('\n')
}

describe('safeHref', () => {
  it('passes http(s) and mailto, normalised', () => {
    expect(safeHref('https://www.rijksoverheid.nl/npg')).toBe('https://www.rijksoverheid.nl/npg')
    expect(safeHref(' HTTP://Example.NL ')).toBe('http://example.nl/')
    expect(safeHref('mailto:trekkers@novex.example')).toBe('mailto:trekkers@novex.example')
  })

  it('refuses script, data, relative and disguised URLs', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '/relative/path',
      '//evil.example',
      '',
      42,
      null,
    ]) {
      expect(safeHref(href), String(href)).toBeNull()
    }
  })
})

describe('contentBlocks', () => {
  it('maps marks and keeps a link only when its href is safe', () => {
    const [safe, unsafe, both] = inlinesOf([
      text('NPLG', { type: 'link', attrs: { href: 'https://x.example' } }),
      text('klik', { type: 'link', attrs: { href: 'javascript:alert(1)' } }),
      text(
        'vet en schuin',
        { type: 'bold' },
        { type: 'italic' },
        { type: 'strike' },
        { type: 'underline' },
        { type: 'code' },
      ),
    ])
    expect(safe).toMatchObject({ kind: 'text', text: 'NPLG', href: 'https://x.example/' })
    expect(unsafe).toMatchObject({ kind: 'text', text: 'klik', href: null })
    expect(both).toMatchObject({ marks: { bold: true, italic: true, strike: true, underline: true, code: true } })
  })

  it('renders a section link as a readable reference', () => {
    const inlines = inlinesOf([
      {
        type: 'sectionLink',
        attrs: { documentId: 'd', sectionId: 's', title: 'Wonen', documentTitle: 'Voorstel Overijssel', number: '4' },
      },
    ])
    expect(inlineText(inlines)).toBe('zie Voorstel Overijssel, § 4 Wonen')
  })

  it('never drops the text of unknown nodes, inline or block', () => {
    const blocks = contentBlocks(
      [
        { type: 'callout', content: [text('in een callout')] },
        { type: 'details', content: [{ type: 'paragraph', content: [text('in een uitklapblok')] }] },
        { type: 'paragraph', content: [text('voor '), { type: 'mention', attrs: { label: '@Anne' } }, text(' na')] },
        { type: 'paragraph', content: [{ type: 'highlightSpan', content: [text('gemarkeerd', { type: 'bold' })] }] },
      ],
      1,
    )
    const all = allText(blocks)
    for (const expected of ['in een callout', 'in een uitklapblok', 'voor @Anne na', 'gemarkeerd']) {
      expect(all).toContain(expected)
    }
  })

  it('reads an unknown table cell by cell, without gluing words together', () => {
    const cell = (value: string) => ({ type: 'tableCell', content: [{ type: 'paragraph', content: [text(value)] }] })
    const blocks = contentBlocks(
      [{ type: 'table', content: [{ type: 'tableRow', content: [cell('links'), cell('rechts')] }] }],
      1,
    )
    expect(blocks.map((b) => (b.kind === 'paragraph' ? inlineText(b.inlines) : b.kind))).toEqual(['links', 'rechts'])
  })

  it('drops line breaks at the edges of a paragraph', () => {
    const [paragraph] = contentBlocks(
      [
        {
          type: 'paragraph',
          content: [{ type: 'hardBreak' }, text('a'), { type: 'hardBreak' }, text('b'), { type: 'hardBreak' }],
        },
      ],
      1,
    )
    expect(paragraph?.kind === 'paragraph' && inlineText(paragraph.inlines)).toBe('a\nb')
  })

  it('nests content headings under the section heading and caps them at six', () => {
    const blocks = contentBlocks(
      [
        { type: 'heading', attrs: { level: 1 }, content: [text('a')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('b')] },
      ],
      2,
    )
    expect(blocks.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([3, 6])
  })

  it('keeps nested lists, list starts, code, quotes and removes control characters', () => {
    const [list, code] = contentBlocks(
      [
        {
          type: 'orderedList',
          attrs: { start: 3 },
          content: [
            {
              type: 'listItem',
              content: [
                { type: 'paragraph', content: [text('drie')] },
                {
                  type: 'bulletList',
                  content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [text('diep')] }] }],
                },
              ],
            },
          ],
        },
        { type: 'codeBlock', content: [text('a\u0000b\nc')] },
      ],
      1,
    )
    expect(list).toMatchObject({ kind: 'list', ordered: true, start: 3 })
    expect(list?.kind === 'list' && list.items[0]?.[1]).toMatchObject({ kind: 'list', ordered: false })
    expect(code).toEqual({ kind: 'code', text: 'ab\nc' })
  })
})
