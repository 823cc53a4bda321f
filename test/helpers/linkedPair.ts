// De Peel's perspective and the Noord-Brabant voorstel linked both ways, through real clients: the
// perspective's second section links to the voorstel's first, and the voorstel's second section links to
// the perspective's third ("Dit sluit aan bij …"). Resolves once the server has indexed the links.
import { getSection, orderedSections, type SectionId } from '@novex/shared'
import type * as Y from 'yjs'
import { connectClient } from './client.ts'
import { api } from './comments.ts'
import { appendLink, DE_PEEL, VOORSTEL_NB } from './documents.ts'
import type { RunningServer } from './server.ts'
import { DEMO, login } from './session.ts'
import { waitFor } from './waitFor.ts'

export interface LinkedPair {
  /** The perspective section that links to the voorstel. */
  readonly perspectiveSource: SectionId
  /** The perspective section the voorstel links to. */
  readonly perspectiveTarget: SectionId
  /** The voorstel section that links to the perspective. */
  readonly voorstelSource: SectionId
  /** The voorstel section the perspective links to, and its title. */
  readonly voorstelTarget: SectionId
  readonly voorstelTargetTitle: string
}

function sectionAt(doc: Y.Doc, index: number): { id: SectionId; content: Y.XmlFragment; title: string } {
  const id = orderedSections(doc)[index]?.id
  const view = id === undefined ? null : getSection(doc, id)
  if (id === undefined || !view) throw new Error(`no section at ${index}`)
  return { id, content: view.content, title: view.title.toString() }
}

export async function linkPerspectiveAndVoorstel(server: RunningServer): Promise<LinkedPair> {
  const rijk = await login(server, DEMO.rijkAuteur)
  const province = await login(server, DEMO.provincieAuteur)
  const perspective = connectClient(server, DE_PEEL, { cookie: rijk })
  const voorstel = connectClient(server, VOORSTEL_NB, { cookie: province })
  try {
    await Promise.all([perspective.synced(), voorstel.synced()])
    const perspectiveSource = sectionAt(perspective.doc, 1)
    const perspectiveTarget = sectionAt(perspective.doc, 2)
    const voorstelSource = sectionAt(voorstel.doc, 1)
    const voorstelTarget = sectionAt(voorstel.doc, 0)
    appendLink(perspectiveSource.content, 'Zie voor de woningbouw ', VOORSTEL_NB, voorstelTarget.id)
    appendLink(voorstelSource.content, 'Dit sluit aan bij ', DE_PEEL, perspectiveTarget.id)
    await Promise.all([perspective.saved(), voorstel.saved()])
    await waitFor(
      async () =>
        (
          await api<{ targetSectionId: string; state: string }[]>(
            server,
            rijk,
            'GET',
            `/api/documents/${DE_PEEL}/links`,
          )
        ).body.some((l) => l.targetSectionId === voorstelTarget.id && l.state === 'valid'),
      { message: 'the link from the perspective to the voorstel is indexed' },
    )
    return {
      perspectiveSource: perspectiveSource.id,
      perspectiveTarget: perspectiveTarget.id,
      voorstelSource: voorstelSource.id,
      voorstelTarget: voorstelTarget.id,
      voorstelTargetTitle: voorstelTarget.title,
    }
  } finally {
    perspective.destroy()
    voorstel.destroy()
  }
}
