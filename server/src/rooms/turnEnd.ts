// The end of an event-loop turn, where rooms send what the turn produced: the group commit (updates
// broadcast, writes acknowledged) and every room's presence frame. They run in one immediate, and a
// socket written to during it is corked until all of them ran: a peer that gets an update, a presence
// frame and an acknowledgement in the same turn gets them in one system call instead of three.
// Why: in the hot room (200 connections) `writev` was 46 % of the server's busy time, one call per frame
// (`pnpm bench:profile hot-room 200`, issue 7). Node's `cork()` keeps a stream's writes until `uncork()`
// and then hands them to the socket together (https://nodejs.org/api/stream.html#writablecork); ws
// writes a frame's header and payload the same way itself.

/** The part of a socket the turn needs (net.Socket and every stream.Writable have it). */
export interface Corkable {
  cork(): void
  uncork(): void
}

export class TurnEnd {
  /** Work for the end of this turn, in the order asked. */
  private tasks: (() => void)[] = []
  private running = false
  /** Sockets corked while the tasks run. */
  private readonly corked = new Set<Corkable>()
  private readonly later: (fn: () => void) => void

  /** `later` runs a function at the end of this turn (setImmediate; injectable for tests). */
  constructor(later: (fn: () => void) => void = setImmediate) {
    this.later = later
  }

  /** Runs `task` at the end of this turn; a task asked for while the tasks run goes to the next turn. */
  readonly schedule = (task: () => void): void => {
    this.tasks.push(task)
    if (this.tasks.length === 1) this.later(this.run)
  }

  /** Called before a write to `socket`: while the turn's tasks run it is corked, and flushed after them. */
  hold(socket: Corkable): void {
    if (!this.running || this.corked.has(socket)) return
    socket.cork()
    this.corked.add(socket)
  }

  private readonly run = (): void => {
    const tasks = this.tasks
    this.tasks = []
    this.running = true
    try {
      for (const task of tasks) {
        try {
          task()
        } catch (error) {
          // Each task failed on its own before they shared an immediate: the others still run, and the
          // error still surfaces as uncaught, as it did then.
          queueMicrotask(() => {
            throw error
          })
        }
      }
    } finally {
      this.running = false
      for (const socket of this.corked) socket.uncork()
      this.corked.clear()
    }
  }
}
