import { describe, expect, it } from 'vitest'
import { createI18n } from '../../i18n/createI18n.ts'
import { refusedCommentBody } from './postRefusedAsComment.ts'

const t = createI18n('nl').getFixedT('nl', 'connection')

describe('refusedCommentBody', () => {
  it('says why and keeps the title and text the user added', () => {
    const body = refusedCommentBody(t, {
      sectionId: 's',
      title: 'Wonen',
      titleText: 'nieuw',
      text: 'Eerste.\nTweede.',
      why: 'locked',
    })
    expect(body).toBe('Niet opgenomen wijziging: de sectie was al ondertekend.\nIn de titel: nieuw\nEerste.\nTweede.')
  })

  it('leaves out an empty title part', () => {
    const body = refusedCommentBody(t, {
      sectionId: 's',
      title: 'Wonen',
      titleText: '',
      text: 'Alleen tekst.',
      why: 'locked',
    })
    expect(body.split('\n')).toEqual(['Niet opgenomen wijziging: de sectie was al ondertekend.', 'Alleen tekst.'])
  })
})
