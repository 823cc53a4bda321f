// Exports show links as readable references ("zie Ruimtelijk voorstel Noord-Brabant, § 4 Wonen en
// verstedelijking"): the link nodes of exported content get the target's title, number and document
// title, as the exporting reader may see them.
import { type CanonicalNode, type OutgoingLink, SECTION_LINK_NODE } from '@novex/shared'

export function withLinkReferences(
  nodes: readonly CanonicalNode[],
  sourceSectionId: string,
  links: readonly OutgoingLink[],
): CanonicalNode[] {
  return nodes.map((node) => {
    if (node.type === SECTION_LINK_NODE && 'attrs' in node && node.attrs) {
      const link = links.find(
        (l) =>
          l.sourceSectionId === sourceSectionId &&
          l.targetDocumentId === node.attrs?.documentId &&
          l.targetSectionId === node.attrs?.sectionId,
      )
      const hidden = !link || link.state === 'no-access'
      return {
        ...node,
        attrs: {
          ...node.attrs,
          title: hidden ? 'geen toegang' : `${link.title ?? ''}${link.state === 'broken' ? ' (verwijderd)' : ''}`,
          number: hidden ? '' : (link.number ?? ''),
          documentTitle: hidden ? 'een document zonder toegang' : (link.documentTitle ?? ''),
        },
      }
    }
    if ('content' in node && node.content)
      return { ...node, content: withLinkReferences(node.content, sourceSectionId, links) }
    return node
  })
}
