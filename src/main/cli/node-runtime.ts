import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The oldest Node major the CLI runs on; package.json's `engines` says the same (tested). */
export const MIN_NODE_MAJOR = 24

export function nodeMajor(version: string): number {
  return Number.parseInt(version.replace(/^v/, ''), 10)
}

/** The Node that `npm ci` puts in the project (the `node` devDependency), if it is there. */
export function pinnedNode(cliDir: string): string | null {
  const path = join(cliDir, '..', '..', 'node_modules', '.bin', 'node')
  return existsSync(path) ? path : null
}

export function tooOldMessage(version: string): string {
  return (
    `catalogsync: needs Node ${MIN_NODE_MAJOR} or newer, and this is Node ${version}. ` +
    'Run it as `npm run catalogsync -- <args>`, which uses the Node the project installs.'
  )
}

/**
 * Runs this same script under the project's pinned Node, so that a bare
 * `node out/cli/catalogsync.js` works on a machine whose own Node is older. The child shares
 * the terminal and the process group, so it sees Ctrl-C itself; a SIGTERM sent to this process
 * alone is passed on. Resolves with the child's exit status.
 */
export function runUnder(node: string, script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(node, [script, ...args], { stdio: 'inherit' })
    const ignore = (): void => undefined
    const forward = (): void => void child.kill('SIGTERM')
    process.on('SIGINT', ignore)
    process.on('SIGTERM', forward)
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      process.off('SIGINT', ignore)
      process.off('SIGTERM', forward)
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1))
    })
  })
}
