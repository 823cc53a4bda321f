import { describe, expect, it } from 'vitest'
import { createI18n } from '../i18n/createI18n.ts'
import { shortcutsFor } from './documentShortcuts.ts'

describe('shortcutsFor', () => {
  it('lists every shortcut for someone who edits', () => {
    expect(shortcutsFor({ canEdit: true, canComment: true })).toEqual(['move', 'comment', 'link', 'find', 'toc'])
  })

  it('leaves moving sections and inserting links out for a comment-only member', () => {
    expect(shortcutsFor({ canEdit: false, canComment: true })).toEqual(['comment', 'findOnly', 'toc'])
  })

  it('lists only finding and the table of contents for a reader', () => {
    expect(shortcutsFor({ canEdit: false, canComment: false })).toEqual(['findOnly', 'toc'])
  })

  it('does not promise replacing to someone who only finds', () => {
    const nl = createI18n('nl')
    expect(nl.t('documents:shortcuts.findOnly')).toBe('<0>Ctrl</0>+<1>H</1> zoekt in alle secties.')
  })
})
