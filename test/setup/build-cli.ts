import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The CLI tests run the built file; build it when a bare `vitest` run finds none. */
export default function setup(): void {
  const root = join(__dirname, '..', '..')
  if (existsSync(join(root, 'out', 'cli', 'catalogsync.js'))) return
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'inherit' })
}
