// A Peer for unit tests: an open socket that drops what it is sent, an editor of document `doc`.
import pino, { type Logger } from 'pino'
import { Peer } from './peer.ts'

export function testPeer(logger: Logger = pino({ enabled: false }), id = 1): Peer {
  return new Peer({
    id,
    socket: { readyState: 1, bufferedAmount: 0, send: () => {}, close: () => {} },
    documentId: 'doc',
    access: 'edit',
    sessionHash: 'hash',
    wantsAppFrames: true,
    user: { id: 'u1', name: 'Anne', organisationName: 'LVVN', organisationKind: 'rijk' },
    logger,
  })
}
