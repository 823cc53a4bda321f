import { describe, expect, it } from 'vitest'
import { COMMENTS_PANEL_SHORTCUT } from '../features/comments/commentsPanelFocus.ts'
import { createI18n } from '../i18n/createI18n.ts'
import { shortcutsFor } from './documentShortcuts.ts'

describe('shortcutsFor', () => {
  it('lists every shortcut for someone who edits', () => {
    expect(shortcutsFor({ canEdit: true, canComment: true, seesComments: true })).toEqual([
      'move',
      'comment',
      'commentsPanel',
      'link',
      'find',
      'toc',
    ])
  })

  it('leaves moving sections and inserting links out for a comment-only member', () => {
    expect(shortcutsFor({ canEdit: false, canComment: true, seesComments: true })).toEqual([
      'comment',
      'commentsPanel',
      'findOnly',
      'toc',
    ])
  })

  it('gives a reader the way to the comments, finding and the table of contents', () => {
    expect(shortcutsFor({ canEdit: false, canComment: false, seesComments: true })).toEqual([
      'commentsPanel',
      'findOnly',
      'toc',
    ])
  })

  it('does not offer the way to the comments while there is no comments panel', () => {
    expect(shortcutsFor({ canEdit: false, canComment: false, seesComments: false })).toEqual(['findOnly', 'toc'])
  })

  it('does not promise replacing to someone who only finds', () => {
    const nl = createI18n('nl')
    expect(nl.t('documents:shortcuts.findOnly')).toBe('<0>Ctrl</0>+<1>H</1> zoekt in alle secties.')
  })

  it('names the same keys for the comments panel as the page listens to', () => {
    const keys = (language: 'nl' | 'en') =>
      createI18n(language)
        .t('documents:shortcuts.commentsPanel')
        .match(/^<0>(\w+)<\/0>\+<1>(\w+)<\/1>\+<2>(\w+)<\/2>\+<3>(\w+)<\/3>/)
        ?.slice(1)
    expect(keys('nl')).toEqual(['Ctrl', 'Alt', 'Shift', 'A'])
    expect(keys('en')).toEqual(['Ctrl', 'Alt', 'Shift', 'A'])
    expect(COMMENTS_PANEL_SHORTCUT).toBe('Control+Alt+Shift+A')
  })
})
