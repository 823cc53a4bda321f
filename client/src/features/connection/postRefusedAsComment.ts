// Offers refused text a place where it is not lost and where the signatories see it: a comment on the
// whole signed-off section (a comment changes no text, so a locked section accepts it).
import { getSection, isSectionId } from '@novex/shared'
import * as Y from 'yjs'
import { createThread } from '../../api/comments.ts'
import type { RefusedSection } from '../../collab/replayPending.ts'
import { encodeRelativePosition } from '../comments/anchors.ts'

export function refusedCommentBody(refused: RefusedSection): string {
  const lines = [
    'Niet opgenomen wijziging: de sectie was al ondertekend.',
    refused.titleText !== '' ? `In de titel: ${refused.titleText}` : '',
    refused.text,
  ]
  return lines.filter((line) => line !== '').join('\n')
}

export async function postRefusedAsComment(documentId: string, doc: Y.Doc, refused: RefusedSection): Promise<void> {
  const section = isSectionId(refused.sectionId) ? getSection(doc, refused.sectionId) : null
  if (section === null) throw new Error('Deze sectie bestaat niet meer.')
  const content = section.content
  await createThread(documentId, {
    sectionId: section.id,
    anchor: {
      start: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(content, 0, 0)),
      end: encodeRelativePosition(Y.createRelativePositionFromTypeIndex(content, content.length, -1)),
    },
    quote: '',
    body: refusedCommentBody(refused),
    mentions: [],
  })
}
