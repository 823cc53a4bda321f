// The load generator process (forked by the runner with IPC): it receives one task, runs it, stops at
// the task's checkpoints until the runner says continue, and sends back the result.
import type { Endpoint } from '../servers/serverTarget.ts'
import { runJoin } from './joinWorkload.ts'
import { runMemory } from './memoryWorkload.ts'
import type { GeneratorMessage, RunnerMessage, Task, TaskResult } from './messages.ts'
import { runStorage } from './storageWorkload.ts'
import { runTyping } from './typingWorkload.ts'

function send(message: GeneratorMessage): void {
  process.send?.(message)
}

let resume: ((endpoint: Endpoint | undefined) => void) | null = null

function checkpoint(name: string): Promise<Endpoint | undefined> {
  return new Promise((resolve) => {
    resume = resolve
    send({ type: 'checkpoint', name })
  })
}

async function run(task: Task): Promise<TaskResult> {
  switch (task.kind) {
    case 'typing':
      return runTyping(task.endpoint, task.prefix, task.spec, checkpoint)
    case 'join':
      return runJoin(task.endpoint, task.prefix, task.spec, checkpoint)
    case 'memory':
      return runMemory(task.endpoint, task.prefix, task.spec, checkpoint)
    case 'storage':
      return runStorage(task.endpoint, task.prefix, task.spec, checkpoint)
  }
}

process.on('message', (message: RunnerMessage) => {
  if (message.type === 'continue') {
    const next = resume
    resume = null
    next?.(message.endpoint)
    return
  }
  run(message.task).then(
    (result) => send({ type: 'result', result }),
    (error: unknown) =>
      send({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  )
})
