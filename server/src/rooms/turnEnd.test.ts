import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { TurnEnd } from './turnEnd.ts'

/** A stream that records how its writes reach the "socket": each entry is one system call's chunks. */
function recordingSocket(): { stream: Writable; calls: string[][] } {
  const calls: string[][] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      calls.push([chunk.toString()])
      done()
    },
    writev(chunks, done) {
      calls.push(chunks.map((c) => String(c.chunk)))
      done()
    },
  })
  return { stream, calls }
}

describe('the end of a turn', () => {
  it('runs what the turn asked for in one go, in order; what those ask for runs in the next turn', () => {
    const immediates: (() => void)[] = []
    const turn = new TurnEnd((fn) => immediates.push(fn))
    const ran: string[] = []
    turn.schedule(() => ran.push('commit'))
    turn.schedule(() => {
      ran.push('presence')
      turn.schedule(() => ran.push('next turn'))
    })
    expect(immediates).toHaveLength(1)
    immediates.shift()?.()
    expect(ran).toEqual(['commit', 'presence'])
    expect(immediates).toHaveLength(1)
    immediates.shift()?.()
    expect(ran).toEqual(['commit', 'presence', 'next turn'])
  })

  it('holds the writes to a socket until every task ran, then hands them over in one call', () => {
    const immediates: (() => void)[] = []
    const turn = new TurnEnd((fn) => immediates.push(fn))
    const a = recordingSocket()
    const b = recordingSocket()
    const send = (socket: Writable, text: string): void => {
      turn.hold(socket)
      // ws corks around each frame itself (header and payload): the turn's cork must outlast that.
      socket.cork()
      socket.write(`${text}:header`)
      socket.write(`${text}:payload`)
      socket.uncork()
    }
    turn.schedule(() => {
      send(a.stream, 'update')
      send(b.stream, 'update')
      send(a.stream, 'ack')
    })
    turn.schedule(() => {
      expect(a.calls).toEqual([])
      send(a.stream, 'caret')
      send(b.stream, 'caret')
    })
    immediates.shift()?.()
    expect(a.calls).toEqual([
      ['update:header', 'update:payload', 'ack:header', 'ack:payload', 'caret:header', 'caret:payload'],
    ])
    expect(b.calls).toEqual([['update:header', 'update:payload', 'caret:header', 'caret:payload']])
    expect(a.stream.writableCorked).toBe(0)
  })

  it('does not hold writes made outside the end of a turn', () => {
    const turn = new TurnEnd(() => {})
    const a = recordingSocket()
    turn.hold(a.stream)
    a.stream.write('step 2')
    expect(a.calls).toEqual([['step 2']])
    expect(a.stream.writableCorked).toBe(0)
  })
})
