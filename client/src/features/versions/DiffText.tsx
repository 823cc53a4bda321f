// Text with its changes marked: insertions as <ins>, deletions as <del>, each with a spoken and
// visible label (“toegevoegd” / “verwijderd”), so colour is never the only signal.
import type { DiffPart } from '../../api/comments.ts'

export function DiffText({ parts }: { readonly parts: readonly DiffPart[] }) {
  return (
    <p className="diff-text">
      {parts.map((part, index) => {
        const key = `${index}:${part.added ? 'a' : part.removed ? 'r' : 's'}`
        if (part.added) {
          return (
            <ins key={key} className="diff-text__ins">
              <span className="diff-text__label">[toegevoegd: </span>
              {part.value}
              <span className="diff-text__label">]</span>
            </ins>
          )
        }
        if (part.removed) {
          return (
            <del key={key} className="diff-text__del">
              <span className="diff-text__label">[verwijderd: </span>
              {part.value}
              <span className="diff-text__label">]</span>
            </del>
          )
        }
        return <span key={key}>{part.value}</span>
      })}
    </p>
  )
}
