// The runner's side of the load generator: one forked process for the whole run (forking per phase
// cost a second of tsx start-up each time), handed one task at a time. Its checkpoints are answered by
// the given callback (which reads server figures, and may return a new endpoint).
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Endpoint } from '../servers/serverTarget.ts'
import type { GeneratorMessage, RunnerMessage, Task, TaskResult } from './messages.ts'

const SCRIPT = fileURLToPath(new URL('./loadGenerator.ts', import.meta.url))
const TASK_TIMEOUT_MS = 300_000

export class GeneratorProcess {
  private child: ChildProcess | null = null

  async run(task: Task, onCheckpoint: (name: string) => Promise<Endpoint | undefined>): Promise<TaskResult> {
    const child = this.ensure()
    const send = (message: RunnerMessage): void => {
      child.send(message)
    }
    let cleanup = (): void => {}
    try {
      return await new Promise<TaskResult>((resolve, reject) => {
        const timer = setTimeout(() => {
          this.stop()
          reject(new Error(`load generator timed out on ${task.kind}`))
        }, TASK_TIMEOUT_MS)
        const onMessage = (message: GeneratorMessage): void => {
          if (message.type === 'checkpoint') {
            onCheckpoint(message.name).then(
              (endpoint) => send(endpoint ? { type: 'continue', endpoint } : { type: 'continue' }),
              (error: unknown) => {
                this.stop()
                reject(error)
              },
            )
            return
          }
          if (message.type === 'result') resolve(message.result)
          else reject(new Error(`load generator: ${message.message}`))
        }
        const onExit = (code: number | null): void => reject(new Error(`load generator exited with ${code}`))
        child.on('message', onMessage)
        child.once('exit', onExit)
        cleanup = () => {
          clearTimeout(timer)
          child.off('message', onMessage)
          child.off('exit', onExit)
        }
        send({ type: 'task', task })
      })
    } finally {
      cleanup()
    }
  }

  stop(): void {
    this.child?.kill('SIGKILL')
    this.child = null
  }

  private ensure(): ChildProcess {
    if (this.child && this.child.exitCode === null) return this.child
    this.child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    return this.child
  }
}
