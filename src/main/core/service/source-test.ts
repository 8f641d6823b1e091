import { constants } from 'node:fs'
import { access, readdir } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'
import { errorMessage } from '../../../shared/error-message'
import {
  parseSourcesConfig,
  SourceConfigError,
  type SourceConfig,
  SubsonicClient,
} from '../sources'
import type { SourceTestResult } from '../../../shared/contract'

const TEST_TIMEOUT_MS = 10_000

/**
 * Checks that a source as configured can work, without resolving a song: a Subsonic server
 * answers a ping with these credentials, a command's program is found, local folders can be read.
 */
export async function testSource(entry: unknown): Promise<SourceTestResult> {
  let config: SourceConfig
  try {
    ;[config] = parseSourcesConfig([entry]) as [SourceConfig]
  } catch (error) {
    if (!(error instanceof SourceConfigError)) throw error
    return { ok: false, message: error.problems.join('; ') }
  }
  try {
    return { ok: true, message: await check(config) }
  } catch (error) {
    return { ok: false, message: `${config.id}: ${errorMessage(error)}` }
  }
}

async function check(config: SourceConfig): Promise<string> {
  switch (config.type) {
    case 'direct':
      return `${config.id}: uses each song's own location from the export; nothing to check`
    case 'local':
      return checkFolders(config.id, config.roots)
    case 'subsonic': {
      const client = new SubsonicClient({ ...config, timeoutMs: TEST_TIMEOUT_MS })
      const session = await client.connect(AbortSignal.timeout(TEST_TIMEOUT_MS))
      const auth = session.auth === 'token' ? 'token' : 'password'
      return `${config.id}: server answered (API ${session.version}, ${auth} authentication)`
    }
    case 'command': {
      const program = config.command[0] ?? ''
      const found = await findProgram(program)
      if (!found) throw new Error(`program "${program}" was not found on the PATH`)
      return `${config.id}: runs ${found}`
    }
  }
}

async function checkFolders(id: string, roots: readonly string[]): Promise<string> {
  let entries = 0
  for (const root of roots) {
    try {
      entries += (await readdir(root)).length
    } catch (error) {
      throw new Error(`cannot read ${root}: ${errorMessage(error)}`, { cause: error })
    }
  }
  const folders = roots.length === 1 ? 'folder' : 'folders'
  return `${id}: ${roots.length} ${folders} readable, ${entries} entries at the top`
}

async function findProgram(program: string): Promise<string | null> {
  const candidates =
    isAbsolute(program) || program.includes('/')
      ? [program]
      : (process.env.PATH ?? '')
          .split(delimiter)
          .filter(Boolean)
          .map((dir) => join(dir, program))
  for (const candidate of candidates) {
    try {
      await access(candidate, constants.X_OK)
      return candidate
    } catch {
      continue
    }
  }
  return null
}
