import { existsSync } from 'node:fs'
import { join } from 'node:path'

export const ELECTRON_SQLITE_BINDING = join('build', 'native', 'electron', 'better_sqlite3.node')

/**
 * better-sqlite3 12 is ABI-specific: node_modules holds the Node build (tests, CLI), and
 * `npm run rebuild:electron` writes an Electron build here for the app to load instead.
 */
export function electronSqliteBinding(appPath: string): string {
  const path = join(appPath, ELECTRON_SQLITE_BINDING)
  if (!existsSync(path)) {
    throw new Error(
      `No Electron build of better-sqlite3 at ${path}. Run "npm run rebuild:electron" ` +
        '(it needs the Electron headers, so a network connection) and start again.',
    )
  }
  return path
}
