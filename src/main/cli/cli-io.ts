export interface CliIo {
  out(text: string): void
  err(text: string): void
  env: NodeJS.ProcessEnv
  /** Live, redrawn output (the lanes) only goes to a terminal. */
  isTty?: boolean
  columns?: number
  /** Writes without a newline (for redrawing in place). */
  write?(text: string): void
  /** Calls `handler` on each Ctrl-C until the returned function is called. */
  onInterrupt?(handler: () => void): () => void
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  isTty: process.stdout.isTTY === true,
  get columns() {
    return process.stdout.columns || 100
  },
  write: (text) => process.stdout.write(text),
  onInterrupt(handler) {
    process.on('SIGINT', handler)
    return () => process.off('SIGINT', handler)
  },
}

/**
 * A mistake in how the command was called: printed in one line with a pointer to the help of
 * `command` (the program's when absent), exit status 2.
 */
export class CliUsageError extends Error {
  readonly command: string | undefined

  constructor(message: string, command?: string) {
    super(message)
    this.name = 'CliUsageError'
    this.command = command
  }
}
