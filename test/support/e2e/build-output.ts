import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(__dirname, '..', '..', '..')
export const CLI = join(ROOT, 'out', 'cli', 'catalogsync.js')
const RENDERER_PAGE = join(ROOT, 'out', 'renderer', 'index.html')

const newestMtime = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => statSync(join(entry.parentPath, entry.name)).mtimeMs),
  )

/**
 * The browser tests drive the built window: `npm test` builds it first, a bare vitest run does
 * not, and an old build would fail in ways that point nowhere near the real cause.
 */
export function assertWindowBuilt(): void {
  if (!existsSync(RENDERER_PAGE)) {
    throw new Error(`${RENDERER_PAGE} is missing: run \`npm run build\` before the browser tests`)
  }
  const built = statSync(RENDERER_PAGE).mtimeMs
  const sources = ['src/renderer', 'src/shared'].map((dir) => newestMtime(join(ROOT, dir)))
  if (Math.max(...sources) > built) {
    throw new Error(
      'out/renderer is older than src/renderer or src/shared: run `npm run build` first',
    )
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`)
}
