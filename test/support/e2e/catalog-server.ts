import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { CLI, ROOT } from './build-output'

export interface CatalogServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  pid: number
  /** What the server printed on stderr so far, for failure messages. */
  log(): string
  stop(): Promise<void>
}

const STARTUP_TIMEOUT_MS = 20_000
const STOP_TIMEOUT_MS = 10_000
const SERVING = /CatalogSync serving on (http:\/\/127\.0\.0\.1:\d+)/

/**
 * Runs the built `catalogsync serve` on a port the system picks (no race with another test
 * taking a port we probed), reads the address it prints, and waits until /healthz answers.
 */
export async function startCatalogServer(options: {
  home: string
  configFile: string
}): Promise<CatalogServer> {
  const args = ['serve', '--host', '127.0.0.1', '--port', '0', '--config', options.configFile]
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { ...process.env, CATALOGSYNC_HOME: options.home, CATALOGSYNC_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const server: CatalogServer = {
    url: '',
    pid: child.pid ?? 0,
    log: () => output,
    stop: () => stopChild(child),
  }
  try {
    server.url = await servingUrl(child, () => output)
    await waitForHealth(server.url)
    return server
  } catch (error) {
    await stopChild(child)
    throw new Error(`catalogsync serve did not start: ${(error as Error).message}\n${output}`, {
      cause: error,
    })
  }
}

function servingUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => finish(new Error('no address printed in time')),
      STARTUP_TIMEOUT_MS,
    )
    const onData = () => {
      const match = SERVING.exec(output())
      if (match?.[1]) finish(null, match[1])
    }
    const onExit = (code: number | null) => finish(new Error(`it exited with status ${code}`))
    function finish(error: Error | null, url?: string) {
      clearTimeout(timer)
      child.stderr?.off('data', onData)
      child.off('exit', onExit)
      if (error || !url) reject(error ?? new Error('no address'))
      else resolve(url)
    }
    // Registered after the collector, so output() already holds this chunk.
    child.stderr?.on('data', onData)
    child.once('exit', onExit)
  })
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS
  for (;;) {
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return
    } catch (error) {
      if (Date.now() > deadline) throw error
    }
    if (Date.now() > deadline) throw new Error('/healthz never answered 200')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** SIGTERM lets serve pause its sync and close the catalog; SIGKILL if it hangs. Own PID only. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
  await exited
  clearTimeout(timer)
}
