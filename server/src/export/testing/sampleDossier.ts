// A realistic dossier for the renderer tests: De Peel (sent by the Rijk and its two provinces), one locked section with every supported node
// and mark (a 3×3 table among them, a map as a 40×20 PNG with a caption, and some hostile text), one section that is not
// locked, a locked subsection, a ledger with two signatures, a lock and a lapse, and the status
// vastgesteld with its decisions (sampleDecisions.ts). Names and texts are fictional (see DOMAIN.md).
import type { Actor, CanonicalMark, CanonicalNode, LedgerEvent, SectionSignoff } from '@novex/shared'
import type { Dossier } from '../dossier.ts'
import { SAMPLE_STATUS } from './sampleDecisions.ts'
import { dossierImage, imageNode, pngImage } from './testImages.ts'

export const HASH_LOCKED = `sha256:${'ab12'.repeat(16)}`
export const HASH_SUB = `sha256:${'cd34'.repeat(16)}`
export const HASH_LAPSED = `sha256:${'ef56'.repeat(16)}`
// An ampersand in the query: every format has to escape it in its XML or Markdown.
/** How the title page names the sample's senders: the Rijk and both provinces of De Peel. */
export const SENDERS_LINE = 'Ministerie van LVVN, Provincie Noord-Brabant en Provincie Limburg'
export const NPLG_HREF = 'https://www.rijksoverheid.nl/npg?bron=novex&taal=nl'
export const UNLOCKED_TEXT = 'GEHEIME CONCEPTTEKST over de Peelrandbreuk'
export const UNKNOWN_NODE_TEXT = 'Tekst in een onbekend knooppunt blijft leesbaar'
export const DIACRITICS_TEXT =
  'Het budget van € 12 miljoen wordt “gebiedsgericht” ingezet — ook voor de reeën en het café in Deurne.'

export const RIJK_SIGNER: Actor & { side: 'rijk' } = {
  userId: 'u-rijk',
  name: 'Anne de Vries',
  organisationId: 'ministerie-lvvn',
  organisationName: 'Ministerie van LVVN',
  side: 'rijk',
}
export const PROVINCIE_SIGNER: Actor & { side: 'provincie' } = {
  userId: 'u-prov',
  name: 'Joost van Eijk',
  organisationId: 'provincie-noord-brabant',
  organisationName: 'Provincie Noord-Brabant',
  side: 'provincie',
}

// 31-03-2026 22:30 UTC is 01-04-2026 00:30 in Amsterdam (summer time): the dates must say the latter.
export const SIGNED_RIJK_AT = Date.UTC(2026, 2, 31, 22, 30)
export const SIGNED_PROVINCIE_AT = Date.UTC(2026, 3, 2, 8, 15) // 02-04-2026 10:15
export const GENERATED_AT = Date.UTC(2026, 10, 28, 14, 30) // 28-11-2026 15:30

const t = (text: string, ...marks: CanonicalMark[]): CanonicalNode =>
  marks.length > 0 ? { type: 'text', text, marks } : { type: 'text', text }
const p = (...content: CanonicalNode[]): CanonicalNode => ({ type: 'paragraph', content })
const li = (...content: CanonicalNode[]): CanonicalNode => ({ type: 'listItem', content })

/**
 * The cell texts of the table in the locked section, row by row: a header row, then a row whose first
 * cell spans two columns (TABLE_SPANNING), then an ordinary row with a pipe, which Markdown must escape.
 */
export const TABLE_ROWS: readonly (readonly string[])[] = [
  ['Opgave', 'Maatregel', 'Budget'],
  ['Stikstofdepositie halveren', '€ 8 miljoen'],
  ['Waterpeil', 'Peilgestuurde drainage', '€ 3 miljoen | provincie'],
]
export const TABLE_SPANNING = 'Stikstofdepositie halveren'

/** The map in the locked section: its address on the server, its bytes and its alternative text. */
export const MAP_SRC = `/api/documents/ontwikkelperspectief-de-peel/images/${'a1'.repeat(32)}`
export const MAP_WIDTH = 40
export const MAP_HEIGHT = 20
export const MAP_PNG = pngImage(MAP_WIDTH, MAP_HEIGHT)
// Characters that XML and Markdown must escape: they have to come back as typed.
export const MAP_ALT = 'Kaart van De Peel: Peelvenen & *natte* <natuur>'
/** The visible line under the map; it too must come back as typed. */
export const MAP_CAPTION = 'Figuur 1. Natte natuur & *landbouw* <De Peel>. Bron: provincie Noord-Brabant'

export const TABLE: CanonicalNode = {
  type: 'table',
  content: TABLE_ROWS.map((row, r) => ({
    type: 'tableRow',
    content: row.map((text) => ({
      type: r === 0 ? 'tableHeader' : 'tableCell',
      attrs: { colspan: text === TABLE_SPANNING ? 2 : 1, rowspan: 1, colwidth: null },
      content: [p(t(text))],
    })),
  })),
}

export const LOCKED_CONTENT: CanonicalNode[] = [
  p(
    t('De hoofdopgave in De Peel is een landelijk gebied waar landbouw, natuur en water weer in balans zijn. De '),
    t('stikstofdepositie', { type: 'bold' }),
    t(' op de '),
    t('Peelvenen', { type: 'italic' }),
    t(' moet fors omlaag.'),
  ),
  p(t(DIACRITICS_TEXT)),
  p(
    t('Zie het '),
    t('Nationaal Programma Landelijk Gebied', { type: 'link', attrs: { href: NPLG_HREF } }),
    t(', '),
    t('deze knop', { type: 'link', attrs: { href: 'javascript:alert(document.cookie)' } }),
    t(', '),
    t('dit plaatje', { type: 'link', attrs: { href: 'data:text/html,<b>x</b>' } }),
    t(' en mail '),
    t('de trekkers', { type: 'link', attrs: { href: 'mailto:trekkers@novex.example' } }),
    t('.'),
  ),
  { type: 'heading', attrs: { level: 2 }, content: [t('Meekoppelende opgaven')] },
  {
    type: 'bulletList',
    content: [
      li(p(t('Energie:')), {
        type: 'orderedList',
        attrs: { start: 1 },
        content: [li(p(t('zon en wind langs de A67'))), li(p(t('zonneparken op vrijgekomen bouwvlakken')))],
      }),
      li(p(t('woningbouw in de kernen'))),
    ],
  },
  p(
    t('Onveilige tekst: <script>alert("x")</script> en *geen nadruk* en [geen](link) en '),
    t('doorgehaald', { type: 'strike' }),
    t(', '),
    t('onderstreept', { type: 'underline' }),
    t(', '),
    t('code_mark', { type: 'code' }),
    { type: 'hardBreak' },
    t('# geen kop en 1. geen lijst'),
  ),
  p(t('Verwijzing: '), {
    type: 'sectionLink',
    attrs: {
      documentId: 'voorstel-noord-brabant',
      sectionId: 's-wonen',
      title: 'Wonen en verstedelijking',
      documentTitle: 'Ruimtelijk voorstel Noord-Brabant',
      number: '4',
    },
  }),
  TABLE,
  imageNode(MAP_SRC, MAP_ALT, { caption: MAP_CAPTION }),
  { type: 'blockquote', content: [p(t('Als één overheid werken we samen aan De Peel.'))] },
  { type: 'codeBlock', attrs: { language: 'text' }, content: [t('grondwaterstand +30 cm\nstikstof -50%')] },
  { type: 'horizontalRule' },
  { type: 'callout', attrs: { tone: 'info' }, content: [t(UNKNOWN_NODE_TEXT)] },
]

const lockedSignoff: SectionSignoff = {
  signatures: [
    { signer: RIJK_SIGNER, hash: HASH_LOCKED, at: SIGNED_RIJK_AT },
    { signer: PROVINCIE_SIGNER, hash: HASH_LOCKED, at: SIGNED_PROVINCIE_AT },
  ],
  locked: { hash: HASH_LOCKED, at: SIGNED_PROVINCIE_AT },
  lapsed: [],
  reopenRequest: null,
  requested: null,
}

const subSignoff: SectionSignoff = {
  ...lockedSignoff,
  signatures: lockedSignoff.signatures.map((s) => ({ ...s, hash: HASH_SUB })),
  locked: { hash: HASH_SUB, at: SIGNED_PROVINCIE_AT },
}

const event = (seq: number, e: Omit<LedgerEvent, 'seq'>): LedgerEvent => ({ seq, ...e })

export const LEDGER: LedgerEvent[] = [
  event(1, {
    sectionId: 's-hoofdopgave',
    kind: 'request',
    at: SIGNED_RIJK_AT - 3_600_000,
    actor: RIJK_SIGNER,
    hash: HASH_LOCKED,
    reason: null,
    side: null,
  }),
  event(2, {
    sectionId: 's-hoofdopgave',
    kind: 'sign',
    at: SIGNED_RIJK_AT,
    actor: RIJK_SIGNER,
    hash: HASH_LOCKED,
    reason: null,
    side: 'rijk',
  }),
  event(3, {
    sectionId: 's-toekomst',
    kind: 'sign',
    at: SIGNED_RIJK_AT + 60_000,
    actor: RIJK_SIGNER,
    hash: HASH_LAPSED,
    reason: null,
    side: 'rijk',
  }),
  event(4, {
    sectionId: 's-toekomst',
    kind: 'lapse',
    at: SIGNED_RIJK_AT + 120_000,
    actor: null,
    hash: HASH_LAPSED,
    reason: 'gewijzigd na ondertekening',
    side: 'rijk',
  }),
  event(5, {
    sectionId: 's-hoofdopgave',
    kind: 'sign',
    at: SIGNED_PROVINCIE_AT,
    actor: PROVINCIE_SIGNER,
    hash: HASH_LOCKED,
    reason: null,
    side: 'provincie',
  }),
  event(6, {
    sectionId: 's-hoofdopgave',
    kind: 'lock',
    at: SIGNED_PROVINCIE_AT,
    actor: null,
    hash: HASH_LOCKED,
    reason: null,
    side: null,
  }),
]

export function sampleDossier(): Dossier {
  return {
    documentId: 'ontwikkelperspectief-de-peel',
    title: 'Ontwikkelperspectief De Peel',
    areaName: 'De Peel',
    coSenders: { rijkLead: 'Ministerie van LVVN', provinces: ['Noord-Brabant', 'Limburg'] },
    generatedAt: GENERATED_AT,
    status: SAMPLE_STATUS,
    sections: [
      {
        sectionId: 's-hoofdopgave',
        number: '1',
        depth: 0,
        title: 'De hoofdopgave en meekoppelende opgaven',
        component: 'hoofdopgave',
        componentLabel: 'De hoofdopgave en meekoppelende opgaven',
        locked: true,
        content: LOCKED_CONTENT,
        signoff: lockedSignoff,
      },
      {
        sectionId: 's-toekomst',
        number: '2',
        depth: 0,
        title: 'Toekomstbestendig: kenmerken en identiteit van het gebied',
        component: 'toekomstbestendig',
        componentLabel: 'Toekomstbestendig: kenmerken en identiteit van het gebied',
        locked: false,
        // Passed on purpose: the renderers must leave out what is not locked, whatever the caller sends.
        content: [p(t(UNLOCKED_TEXT))],
        signoff: { signatures: [], locked: null, lapsed: [], reopenRequest: null, requested: null },
      },
      {
        sectionId: 's-peelvenen',
        number: '2.1',
        depth: 1,
        title: 'Peelvenen en hoogveen',
        component: null,
        componentLabel: null,
        locked: true,
        content: [p(t('Resten hoogveen blijven nat; turfwinning is geschiedenis.'))],
        signoff: subSignoff,
      },
    ],
    ledger: LEDGER,
    images: { [MAP_SRC]: dossierImage(MAP_PNG, MAP_WIDTH, MAP_HEIGHT) },
  }
}
