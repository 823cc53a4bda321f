import type { CommentAuthor, CommentMessage, CommentThread } from '@novex/shared'
import { describe, expect, it } from 'vitest'
import type { CommentEvent } from '../comments/commentService.ts'
import { type CommentMailPayload, commentMail, commentsMail, recipientsOf, threadLink } from './commentMail.ts'
import { combineMails } from './mailBundles.ts'
import type { QueuedMail } from './mailOutbox.ts'

const person = (userId: string, name = userId): CommentAuthor => ({
  userId,
  name,
  organisationId: `org-${userId}`,
  organisationName: 'Provincie Noord-Brabant',
  organisationKind: 'provincie',
})

const message = (id: string, author: string, body = 'Tekst', deleted = false): CommentMessage => ({
  id,
  author: person(author),
  body,
  mentions: [],
  at: 1,
  editedAt: null,
  deleted,
})

function event(kind: CommentEvent['kind'], messages: CommentMessage[], mentioned: string[]): CommentEvent {
  const last = messages[messages.length - 1]
  if (last === undefined) throw new Error('no message')
  const thread = {
    id: 't1',
    sectionId: 's1',
    quote: 'de Peelvenen',
    openedBy: messages[0]?.author ?? person('x'),
    messages,
  } as unknown as CommentThread
  return { kind, documentId: 'de-peel', sectionTitle: 'Hoofdopgave', thread, message: last, mentioned }
}

describe('who gets e-mail about a comment', () => {
  it('is everyone newly mentioned, never the writer', () => {
    expect(recipientsOf(event('opened', [message('m1', 'anna')], ['bert', 'anna', 'carla']))).toEqual([
      { userId: 'bert', kind: 'mention' },
      { userId: 'carla', kind: 'mention' },
    ])
  })

  it('on a reply also everyone who wrote in the thread before, once, and not for a deleted message', () => {
    const messages = [
      message('m1', 'anna'),
      message('m2', 'bert'),
      message('m3', 'dirk', '', true),
      message('m4', 'bert'),
      message('m5', 'carla'),
    ]
    expect(recipientsOf(event('replied', messages, ['bert']))).toEqual([
      { userId: 'bert', kind: 'mention' },
      { userId: 'anna', kind: 'reply' },
    ])
  })

  it('on an edit only the mentions it added', () => {
    expect(recipientsOf(event('edited', [message('m1', 'anna'), message('m2', 'bert')], ['carla']))).toEqual([
      { userId: 'carla', kind: 'mention' },
    ])
  })
})

describe('the e-mail', () => {
  it('links to the thread under the public address, also below a path', () => {
    expect(threadLink(new URL('https://novex.example.nl'), 'de peel', 't1')).toBe(
      'https://novex.example.nl/document/de%20peel?reactie=t1',
    )
    expect(threadLink(new URL('https://example.nl/novex'), 'de-peel', 't1')).toBe(
      'https://example.nl/novex/document/de-peel?reactie=t1',
    )
  })

  it('has no line breaks from user text in its subject, and quotes the comment', () => {
    const e = event('opened', [message('m1', 'Anna\r\nBcc: x@y.nl', 'Regel 1\nRegel 2')], ['bert'])
    const mail = commentMail(
      e,
      'mention',
      'bert',
      'De Peel\n— perspectief',
      'https://x/document/de-peel?reactie=t1',
      true,
      'nl',
    )
    expect(mail.subject).toBe('Anna Bcc: x@y.nl noemt u in een reactie — De Peel — perspectief')
    expect(mail.body).toContain('> Regel 1\n> Regel 2')
    expect(mail.body).toContain('bij "Hoofdopgave" in "De Peel — perspectief"')
    expect(mail.body).toContain('https://x/document/de-peel?reactie=t1')
    // Where to have them once a day instead, before how to stop them.
    expect(mail.body).toMatch(
      /één keer per dag in één mail, of juist meteen\? Kies dat in de editor bij uw naam\.\nGeen e-mail meer\?/,
    )
  })

  it('without quotes, says who wrote where and nothing of what was written', () => {
    const e = event('opened', [message('m1', 'anna', 'Het stikstofplafond geldt hier niet.')], ['bert'])
    const mail = commentMail(e, 'mention', 'bert', 'De Peel', 'https://x/document/de-peel?reactie=t1', false, 'nl')
    expect(mail.body).toMatch(
      /^anna \(Provincie Noord-Brabant\) noemt u in een reactie bij "Hoofdopgave" in "De Peel"\.\n/,
    )
    expect(mail.body).not.toContain('stikstof')
    expect(mail.body).not.toContain('de Peelvenen')
    expect(mail.body).toContain('https://x/document/de-peel?reactie=t1')
  })

  it('is written in English for a user of the English interface', () => {
    const e = event('replied', [message('m1', 'anna'), message('m2', 'bert', 'Eens.')], [])
    const mail = commentMail(e, 'reply', 'anna', 'De Peel', 'https://x/document/de-peel?reactie=t1', true, 'en')
    expect(mail.subject).toBe('New reply from bert — De Peel')
    expect(mail.body).toMatch(
      /^bert \(Provincie Noord-Brabant\) replied to a comment on "Hoofdopgave" in "De Peel" that you also wrote in:\n/,
    )
    expect(mail.body).toContain('It is about the text: "de Peelvenen"')
    expect(mail.body).toContain('You receive this message because you wrote in this comment thread.')
  })
})

describe('comments on one document to one person within the gathering time', () => {
  const publicUrl = new URL('https://novex.example.nl')
  const link = 'https://novex.example.nl/document/de-peel?reactie=t1'
  const mentionOfBert = commentMail(
    event('opened', [message('m1', 'anna', 'Klopt dit peil?')], ['bert']),
    'mention',
    'bert',
    'De Peel',
    link,
    true,
    'nl',
  )
  const replyToBert = commentMail(
    event('replied', [message('m1', 'bert'), message('m2', 'carla', 'Nee, de kaart van 2024.')], []),
    'reply',
    'bert',
    'De Peel',
    link,
    true,
    'nl',
  )
  const queued = (mail: typeof mentionOfBert, id: number): QueuedMail => ({ ...mail, id, createdAt: id, attempts: 0 })

  it('are one bundle per document, whatever brought each', () => {
    expect(mentionOfBert.bundle?.key).toBe('comments:de-peel')
    expect(replyToBert.bundle?.key).toBe('comments:de-peel')
  })

  it('go as one mail: each comment numbered, quoted and with the link to its own thread', () => {
    const mail = combineMails([queued(mentionOfBert, 1), queued(replyToBert, 2)], publicUrl, 'nl')
    expect(mail?.subject).toBe('2 nieuwe reacties voor u — De Peel')
    const body = mail?.body ?? ''
    expect(body).toMatch(/^Er zijn 2 nieuwe reacties voor u in "De Peel"\.\n/)
    expect(body).toContain('1. anna (Provincie Noord-Brabant) noemt u in een reactie bij "Hoofdopgave":')
    expect(body).toContain('> Klopt dit peil?')
    expect(body).toContain('2. carla (Provincie Noord-Brabant) heeft gereageerd op een reactie')
    expect(body).toContain('> Nee, de kaart van 2024.')
    expect(body.indexOf('Klopt dit peil?')).toBeLessThan(body.indexOf('de kaart van 2024'))
    expect(
      body.match(/Bekijk en beantwoord: https:\/\/novex\.example\.nl\/document\/de-peel\?reactie=t1/g),
    ).toHaveLength(2)
    expect(body).toContain('omdat u in deze reacties wordt genoemd of er eerder in schreef.')
    expect(body).toContain('Reacties liever één keer per dag in één mail')
  })

  it('without quotes, name who wrote where and nothing of what was written', () => {
    const payloads: CommentMailPayload[] = [1, 2].map((n) => ({
      kind: 'mention',
      documentId: 'de-peel',
      documentTitle: 'De Peel',
      sectionTitle: 'Hoofdopgave',
      threadId: `t${n}`,
      who: 'anna (Provincie Noord-Brabant)',
      body: null,
      quote: null,
    }))
    const mail = commentsMail(payloads, publicUrl, 'en')
    expect(mail.subject).toBe('2 new comments for you — De Peel')
    expect(mail.body).toContain('1. anna (Provincie Noord-Brabant) mentioned you in a comment on "Hoofdopgave".')
    expect(mail.body).toContain('View and answer: https://novex.example.nl/document/de-peel?reactie=t2')
    expect(mail.body).not.toContain('>')
    expect(mail.body).toContain('because these comments mention you.')
  })

  it('leave mails of other kinds, or whose payload does not read, each on its own', () => {
    const broken: QueuedMail = { ...queued(replyToBert, 2), bundle: { key: 'comments:de-peel', payload: '{' } }
    expect(combineMails([queued(mentionOfBert, 1), broken], publicUrl, 'nl')).toBeNull()
    const status: QueuedMail = { ...queued(replyToBert, 3), kind: 'status' }
    expect(combineMails([queued(mentionOfBert, 1), status], publicUrl, 'nl')).toBeNull()
  })
})
