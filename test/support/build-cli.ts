import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const newestMtime = (dir: string): number =>
  Math.max(
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  )

/** The CLI tests run the built file; rebuild it when the sources are newer (a bare `vitest`). */
export default function setup(): void {
  const root = join(__dirname, '..', '..')
  const cli = join(root, 'out', 'cli', 'catalogsync.js')
  let built = 0
  try {
    built = statSync(cli).mtimeMs
  } catch {
    // Not built yet.
  }
  if (built > newestMtime(join(root, 'src'))) return
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'inherit' })
}
