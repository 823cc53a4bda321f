// Text with its changes marked: insertions as <ins>, deletions as <del>, each with a spoken and
// visible label (“toegevoegd” / “verwijderd”), so colour is never the only signal. The text itself is
// the document's (translate="no"); the labels come from the catalogue. A section link is a part of its
// own, "[koppeling: § 4 …]" with its target as the server named it for this reader (diffLinkText.ts);
// neighbouring parts of one kind share one label: "[toegevoegd: Zie ook [koppeling: § 4 …].]".
import type { DiffLink, DiffPart } from '@novex/shared'
import { useTranslation } from 'react-i18next'
import { diffLinkWords } from './diffLinkText.ts'

type Kind = 'added' | 'removed' | 'same'

const kindOf = (part: DiffPart): Kind => (part.added ? 'added' : part.removed ? 'removed' : 'same')

/** Neighbouring parts of the same kind, with the index of the first (a stable key). */
function runsOf(parts: readonly DiffPart[]): { kind: Kind; start: number; parts: DiffPart[] }[] {
  const runs: { kind: Kind; start: number; parts: DiffPart[] }[] = []
  parts.forEach((part, index) => {
    const last = runs.at(-1)
    if (last && last.kind === kindOf(part)) last.parts.push(part)
    else runs.push({ kind: kindOf(part), start: index, parts: [part] })
  })
  return runs
}

export function DiffText({ parts }: { readonly parts: readonly DiffPart[] }) {
  const { t } = useTranslation('versions')
  return (
    <p className="diff-text">
      {runsOf(parts).map((run) => {
        const key = `${run.start}:${run.kind}`
        const text = run.parts.map((part, index) =>
          part.link ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a diff never move.
            <LinkInDiff key={index} link={part.link} />
          ) : (
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of a diff never move.
            <span key={index} translate="no">
              {part.value}
            </span>
          ),
        )
        if (run.kind === 'added') {
          return (
            <ins key={key} className="diff-text__ins">
              <span className="diff-text__label">{t('diff.added')}</span>
              {text}
              <span className="diff-text__label">{t('diff.end')}</span>
            </ins>
          )
        }
        if (run.kind === 'removed') {
          return (
            <del key={key} className="diff-text__del">
              <span className="diff-text__label">{t('diff.removed')}</span>
              {text}
              <span className="diff-text__label">{t('diff.end')}</span>
            </del>
          )
        }
        return <span key={key}>{text}</span>
      })}
    </p>
  )
}

function LinkInDiff({ link }: { readonly link: DiffLink }) {
  const { t } = useTranslation('versions')
  const { target, note } = diffLinkWords(t, link)
  return (
    <span className="diff-text__link" data-testid="diff-link" data-state={link.state}>
      <span className="diff-text__label">{t('diff.linkStart')}</span>
      {target !== null && <span translate="no">{target}</span>}
      {note !== null && (target === null ? note : t('diff.linkNote', { note }))}
      <span className="diff-text__label">{t('diff.end')}</span>
    </span>
  )
}
