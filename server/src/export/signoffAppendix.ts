// The appendix "Bijlage: ondertekening" as blocks: per locked section who signed for which side, when
// and which hash, then the whole ledger in order. It is the record an archivist needs to check the
// dossier against the sign-off, so every event is listed, including lapses and reopenings.
import type { LedgerEvent, Signature } from '@novex/shared'
import { type Block, type Inline, text } from './contentBlocks.ts'
import type { Dossier, DossierSection } from './dossier.ts'
import { formatDateTime, LABELS, LEDGER_KIND_LABELS, numberedTitle, SIDE_LABELS } from './dossierText.ts'

export function appendixBlocks(dossier: Dossier): Block[] {
  const locked = dossier.sections.filter((section) => section.locked)
  return [
    { kind: 'heading', level: 1, inlines: [text(LABELS.appendix)] },
    { kind: 'paragraph', inlines: [text(LABELS.appendixIntro)] },
    { kind: 'heading', level: 2, inlines: [text(LABELS.signedSections)] },
    ...(locked.length > 0
      ? locked.flatMap(signedSectionBlocks)
      : [{ kind: 'paragraph' as const, inlines: [text(LABELS.noSignedSections, { italic: true })] }]),
    { kind: 'heading', level: 2, inlines: [text(LABELS.ledger)] },
    dossier.ledger.length > 0
      ? { kind: 'list', ordered: true, start: 1, items: dossier.ledger.map((event) => ledgerItem(event, dossier)) }
      : { kind: 'paragraph', inlines: [text(LABELS.emptyLedger, { italic: true })] },
  ]
}

function signedSectionBlocks(section: DossierSection): Block[] {
  const lock = section.signoff.locked
  const blocks: Block[] = [{ kind: 'heading', level: 3, inlines: [text(sectionLabel(section))] }]
  if (lock) {
    blocks.push({
      kind: 'paragraph',
      inlines: [
        text(`${LABELS.lockedAt} ${formatDateTime(lock.at)}`),
        { kind: 'break' },
        text(`${LABELS.hash}: `),
        hash(lock.hash),
      ],
    })
  }
  if (section.signoff.signatures.length > 0) {
    blocks.push({
      kind: 'list',
      ordered: false,
      start: 1,
      items: section.signoff.signatures.map((signature) => [{ kind: 'paragraph', inlines: signatureLine(signature) }]),
    })
  }
  return blocks
}

function signatureLine(signature: Signature): Inline[] {
  const { signer } = signature
  return [
    text(signer.name, { bold: true }),
    text(
      `, ${signer.organisationName} (${SIDE_LABELS[signer.side]}) — ${LABELS.signedAt} ${formatDateTime(signature.at)}`,
    ),
    { kind: 'break' },
    text(`${LABELS.hash}: `),
    hash(signature.hash),
  ]
}

function ledgerItem(event: LedgerEvent, dossier: Dossier): Block[] {
  const section = dossier.sections.find((s) => s.sectionId === event.sectionId)
  const lines: Inline[][] = [
    [
      text(`${formatDateTime(event.at)} — ${LEDGER_KIND_LABELS[event.kind]}`, { bold: true }),
      text(` — ${section ? sectionLabel(section) : event.sectionId}`),
    ],
    [text(`${LABELS.by}: ${actorLabel(event)}`)],
  ]
  if (event.kind === 'lapse' && event.side) lines.push([text(`${LABELS.side}: ${SIDE_LABELS[event.side]}`)])
  if (event.hash) lines.push([text(`${LABELS.hash}: `), hash(event.hash)])
  if (event.reason) lines.push([text(`${LABELS.reason}: ${event.reason}`)])
  const inlines = lines.flatMap((line, i) => (i === 0 ? line : [{ kind: 'break' as const }, ...line]))
  return [{ kind: 'paragraph', inlines }]
}

function actorLabel(event: LedgerEvent): string {
  const actor = event.actor
  if (!actor) return LABELS.server
  const side = actor.side ? `, ${SIDE_LABELS[actor.side]}` : ''
  return `${actor.name} (${actor.organisationName}${side})`
}

function sectionLabel(section: DossierSection): string {
  return `§ ${numberedTitle(section.number, section.title)}`
}

function hash(value: string): Inline {
  return text(value, { code: true })
}
