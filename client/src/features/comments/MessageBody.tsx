// A comment body as text: React escapes every character, and only http(s) and mailto URLs become
// links (opened in a new tab, without the opener and without a referrer). Nothing is ever parsed as HTML.
// It is user content: translate="no" keeps it out of machine translation and the catalogue check.
import { linkParts } from './commentText.ts'

export function MessageBody({ body }: { readonly body: string }) {
  return (
    <p className="comment-message__body" translate="no">
      {linkParts(body).map((part, index) =>
        part.kind === 'text' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never reorder.
          <span key={index}>{part.text}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one body never reorder.
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer nofollow">
            {part.text}
          </a>
        ),
      )}
    </p>
  )
}
