// How much each suite does: the full size (`pnpm test:faults`) and the CI size (`--quick`), which
// keeps the whole run under three minutes on the 2-core CI machine.
export interface Sizes {
  readonly name: 'full' | 'quick'
  /** Random and truncated frames sent by the hostile-input suite. */
  readonly randomFrames: number
  /** kill -9 rounds while clients type. */
  readonly crashRounds: number
  /** Clients typing during the crash rounds. */
  readonly typists: number
  /** Seconds of honest typing at 15 keys/s that must never be rate limited. */
  readonly honestTypingSeconds: number
  /** Randomised proxy sessions (delay, drop, cut, partition). */
  readonly networkSessions: number
  /** Connect/disconnect cycles in the soak. */
  readonly soakCycles: number
  /** Milliseconds each randomised network session edits under faults. */
  readonly networkSessionMs: number
  /** Clients that lose their connection at once in the reconnect-herd suite. */
  readonly herdClients: number
  /** Suites run side by side (each has its own server process). */
  readonly lanes: number
}

export const FULL: Sizes = {
  name: 'full',
  randomFrames: 2_000,
  crashRounds: 12,
  typists: 4,
  honestTypingSeconds: 20,
  networkSessions: 8,
  soakCycles: 10_000,
  networkSessionMs: 6_000,
  herdClients: 32,
  lanes: 1,
}

export const QUICK: Sizes = {
  name: 'quick',
  randomFrames: 300,
  crashRounds: 3,
  typists: 3,
  honestTypingSeconds: 5,
  networkSessions: 2,
  soakCycles: 600,
  networkSessionMs: 3_500,
  herdClients: 12,
  lanes: 2,
}
