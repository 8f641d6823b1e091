import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort } from './free-port'

const run = promisify(execFile)

export interface Supysonic {
  url: string
  port: number
  stop(): Promise<void>
}

export interface SupysonicOptions {
  musicDir: string
  user: string
  password: string
  startTimeoutMs?: number
}

function writeConfig(state: string): void {
  writeFileSync(
    join(state, 'supysonic.conf'),
    [
      '[base]',
      `database_uri = sqlite:///${join(state, 'supysonic.db')}`,
      '[webapp]',
      `cache_dir = ${join(state, 'cache')}`,
      `log_file = ${join(state, 'supysonic.log')}`,
      '[daemon]',
      `socket = ${join(state, 'supysonic.sock')}`,
      'run_watcher = no',
      '',
    ].join('\n'),
  )
}

/**
 * A real supysonic (Subsonic API 1.10.2) on 127.0.0.1 with one admin user and the music
 * folder scanned. Its state lives in a temporary folder that stop() removes.
 */
export async function startSupysonic(options: SupysonicOptions): Promise<Supysonic> {
  const state = mkdtempSync(join(tmpdir(), 'catalogsync-supysonic-'))
  // supysonic reads ./supysonic.conf and ~/.supysonic: a private HOME keeps the user's out.
  const env = { ...process.env, HOME: state }
  const cli = (...args: string[]) => run('supysonic-cli', args, { cwd: state, env })
  try {
    writeConfig(state)
    await cli('user', 'add', options.user, '-p', options.password)
    await cli('user', 'setroles', '-A', options.user)
    await cli('folder', 'add', 'Music', options.musicDir)
    await cli('folder', 'scan', '--foreground', 'Music')
    const port = await freePort()
    const server = spawn(
      'supysonic-server',
      ['-S', 'waitress', '--host', '127.0.0.1', '--port', String(port)],
      { cwd: state, env, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    const url = `http://127.0.0.1:${port}`
    const stop = () => stopServer(server, state)
    await waitUntilAnswering(
      `${url}/rest/ping.view?f=json`,
      server,
      options.startTimeoutMs ?? 20_000,
    ).catch(async (error: unknown) => {
      await stop()
      throw error
    })
    return { url, port, stop }
  } catch (error) {
    rmSync(state, { recursive: true, force: true })
    throw error
  }
}

/** Polls until the server answers at all (an error envelope is an answer). */
async function waitUntilAnswering(url: string, server: ChildProcess, timeoutMs: number) {
  let stderr = ''
  server.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)))
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`supysonic-server exited: ${stderr}`)
    const answered = await fetch(url, { signal: AbortSignal.timeout(1000) }).then(
      (response) => response.body?.cancel().then(() => true) ?? true,
      () => false,
    )
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`supysonic-server did not answer within ${timeoutMs}ms: ${stderr}`)
}

async function stopServer(server: ChildProcess, state: string): Promise<void> {
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve))
    server.kill('SIGTERM')
    const timer = setTimeout(() => server.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  rmSync(state, { recursive: true, force: true })
}
