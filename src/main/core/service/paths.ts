import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

/** `$CATALOGSYNC_HOME`, or `~/.catalogsync`: where the headless app keeps its catalog. */
export function catalogsyncHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.CATALOGSYNC_HOME?.trim()
  return fromEnv ? resolve(fromEnv) : join(homedir(), '.catalogsync')
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return join(catalogsyncHome(env), 'catalog.db')
}
