// What a comment may contain: plain text, bounded, without control characters (tabs and newlines
// stay). Nothing in a body is ever interpreted as markup; clients render it as text.
import { COMMENT_LIMITS } from '@novex/shared'
import { z } from 'zod'
import { ApiError } from '../api/respond.ts'

// Control characters (tabs and newlines stay) and bidi controls, which can disguise what text says.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Bidi_Control}]/gu
const strip = (value: string): string => value.replace(UNSAFE_CHARACTERS, (c) => (c === '\n' || c === '\t' ? c : ''))

export function cleanBody(raw: string): string {
  const body = strip(raw.replace(/\r\n?/g, '\n')).trim()
  if (body.length === 0) throw new ApiError(400, 'empty_comment', 'Een reactie mag niet leeg zijn.')
  if (body.length > COMMENT_LIMITS.bodyChars)
    throw new ApiError(400, 'comment_too_long', `Een reactie mag hoogstens ${COMMENT_LIMITS.bodyChars} tekens hebben.`)
  return body
}

export function cleanQuote(raw: string): string {
  return strip(raw).slice(0, COMMENT_LIMITS.quoteChars)
}

/** Proposed wording for a quote: one paragraph's plain text, bounded; empty proposes removing it. */
export function cleanSuggestion(raw: string): string {
  const text = strip(raw.replace(/\r\n?/g, '\n'))
  if (text.includes('\n'))
    throw new ApiError(400, 'suggestion_multiline', 'Een tekstvoorstel geldt voor tekst binnen één alinea.')
  if (text.length > COMMENT_LIMITS.suggestionChars)
    throw new ApiError(
      400,
      'suggestion_too_long',
      `Een tekstvoorstel mag hoogstens ${COMMENT_LIMITS.suggestionChars} tekens hebben.`,
    )
  return text
}

const anchorPart = z
  .string()
  .min(1)
  .max(COMMENT_LIMITS.anchorBytes * 2)
  .regex(/^[A-Za-z0-9+/=]+$/)

export const NewThreadBody = z
  .object({
    sectionId: z.string().min(1).max(64),
    anchor: z.object({ start: anchorPart, end: anchorPart }).strict(),
    quote: z.string().max(COMMENT_LIMITS.quoteChars * 4),
    body: z.string().max(COMMENT_LIMITS.bodyChars * 2),
    mentions: z.array(z.string().max(64)).max(COMMENT_LIMITS.mentions).optional(),
    suggestion: z
      .string()
      .max(COMMENT_LIMITS.suggestionChars * 4)
      .optional(),
  })
  .strict()

/** "Voorstel overnemen": where the taken-over text now is (absent when the proposal removed the text). */
export const AppliedSuggestionBody = z
  .object({ anchor: z.object({ start: anchorPart, end: anchorPart }).strict().optional() })
  .strict()

/** Where commented text that was deleted came back (Ctrl+Z on the author's page). */
export const RestoredAnchorBody = z
  .object({ anchor: z.object({ start: anchorPart, end: anchorPart }).strict() })
  .strict()

export const MessageBody = z
  .object({
    body: z.string().max(COMMENT_LIMITS.bodyChars * 2),
    mentions: z.array(z.string().max(64)).max(COMMENT_LIMITS.mentions).optional(),
  })
  .strict()
