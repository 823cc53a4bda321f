import { describe, expect, it } from 'vitest'
import type { RefusedSection } from '../../collab/replayPending.ts'
import { createI18n } from '../../i18n/createI18n.ts'
import { textToCopy } from './refusedTextToCopy.ts'

const t = createI18n('nl').getFixedT('nl', 'connection')

const section = (change: Partial<RefusedSection>): RefusedSection => ({
  sectionId: 's1',
  title: 'Hoofdopgave',
  titleText: '',
  text: 'Offline getypt.',
  why: 'locked',
  ...change,
})

describe('textToCopy', () => {
  it('is just the text for one section', () => {
    expect(textToCopy(t, [section({})])).toBe('Offline getypt.')
  })

  it('names each section and the title additions when there are several', () => {
    expect(
      textToCopy(t, [
        section({ titleText: 'en ambitie' }),
        section({ sectionId: 's2', title: 'Samenhang', text: 'Twee.' }),
      ]),
    ).toBe('Hoofdopgave\nTitel: en ambitie\nOffline getypt.\n\nSamenhang\nTwee.')
  })
})
