import { spawn, type ChildProcess } from 'node:child_process'
import { redactUrl } from '../../net'
import { knownFailure } from './extractor-failure'
export interface RunOptions {
  timeoutMs: number
  signal: AbortSignal
  /** Stdout beyond this is refused: an extractor's JSON is kilobytes, not gigabytes. */
  maxStdoutBytes?: number
}

const DEFAULT_MAX_STDOUT = 16 * 1024 * 1024
const STDERR_KEEP = 8 * 1024
const MESSAGE_CHARS = 400

/** A failed extractor run; the message carries the tail of its stderr, redacted. */
export class CommandError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CommandError'
  }
}

/**
 * Runs argv without a shell and returns its stdout. A timeout or an abort kills the whole
 * process group, so helpers the extractor started (ffmpeg, …) die with it.
 */
export function runCommand(argv: readonly string[], options: RunOptions): Promise<string> {
  const [program, ...args] = argv
  if (program === undefined) return Promise.reject(new CommandError('the command is empty'))
  options.signal.throwIfAborted()
  const child = spawn(program, args, {
    shell: false,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    windowsHide: true,
  })
  return collect(child, program, options)
}

function collect(child: ChildProcess, program: string, options: RunOptions): Promise<string> {
  const limit = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT
  const stdout: Buffer[] = []
  let stdoutBytes = 0
  let stderr = ''
  return new Promise<string>((resolve, reject) => {
    let failure: unknown = null
    const stop = (reason: unknown) => {
      failure ??= reason
      killTree(child)
    }
    const timer = setTimeout(
      () => stop(new CommandError(`"${program}" took longer than ${options.timeoutMs}ms`)),
      options.timeoutMs,
    )
    const onAbort = () => stop(options.signal.reason)
    options.signal.addEventListener('abort', onAbort, { once: true })
    const settle = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer)
      options.signal.removeEventListener('abort', onAbort)
      if (failure !== null) return reject(failure)
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'))
      const how =
        code === null ? `was killed by ${signal ?? 'a signal'}` : `exited with code ${code}`
      const detail = describeStderr(stderr)
      reject(
        knownFailure(program, errorLines(stderr).join('\n'), detail) ??
          new CommandError(`"${program}" ${how}${detail}`),
      )
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length
      if (stdoutBytes > limit)
        stop(new CommandError(`"${program}" printed more than ${limit} bytes`))
      else stdout.push(chunk)
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP)
    })
    child.on('error', (error) => {
      stop(new CommandError(`cannot run "${program}": ${error.message}`))
      // A program that never started has no 'close' of its own to wait for.
      if (child.pid === undefined) settle(null, null)
    })
    child.on('close', settle)
  })
}

function killTree(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null) return
  try {
    if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL')
    else child.kill('SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

/** The lines that say what went wrong (ERROR lines first), URLs without their secrets. */
function describeStderr(stderr: string): string {
  const errors = errorLines(stderr)
  const text = (errors.length > 0 ? errors : linesOf(stderr)).slice(-3).join(' | ')
  if (!text) return ''
  const redacted = text.replace(/https?:\/\/[^\s'"<>]+/g, (url) => redactUrl(url))
  return `: ${redacted.length > MESSAGE_CHARS ? `${redacted.slice(0, MESSAGE_CHARS)}…` : redacted}`
}

function linesOf(stderr: string): string[] {
  return stderr
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

function errorLines(stderr: string): string[] {
  return linesOf(stderr).filter((line) => /\berror\b/i.test(line))
}
