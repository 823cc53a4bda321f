// Offers refused text a place where it is not lost and where the signatories see it: a comment on the
// whole signed-off section (a comment changes no text, so a locked section accepts it).
import { getSection, isSectionId } from '@novex/shared'
import * as Y from 'yjs'
import { createThread } from '../../api/comments.ts'
import type { RefusedSection } from '../../collab/replayPending.ts'
import type { Translate } from '../../ui/translate.ts'
import { encodeRelativePosition } from '../comments/anchors.ts'
import type { KnownTargets } from '../links/knownTargets.ts'
import { withLinkNames } from './refusedLinkText.ts'

/** The comment's text, in the interface language of the user who posts it. */
export function refusedCommentBody(t: Translate<'connection'>, refused: RefusedSection, known?: KnownTargets): string {
  const lines = [
    t('refused.commentIntro'),
    refused.titleText !== '' ? t('refused.commentTitle', { text: refused.titleText }) : '',
    withLinkNames(t, refused.text, known),
  ]
  return lines.filter((line) => line !== '').join('\n')
}

export async function postRefusedAsComment(
  t: Translate<'connection'>,
  documentId: string,
  doc: Y.Doc,
  refused: RefusedSection,
  known?: KnownTargets,
): Promise<void> {
  const section = isSectionId(refused.sectionId) ? getSection(doc, refused.sectionId) : null
  if (section === null) throw new Error(t('refused.sectionGone'))
  const content = section.content
  await createThread(documentId, {
    sectionId: section.id,
    anchor: {
      start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(content, 0, 0)),
      end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(content, content.length, -1)),
    },
    quote: '',
    body: refusedCommentBody(t, refused, known),
    mentions: [],
  })
}
